package com.garage.mobile.customer.payments;

import com.garage.mobile.testing.GarageFixture;
import com.garage.mobile.testing.Person;
import com.garage.mobile.testing.Rows;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** A garage asking a 30 % deposit, and Carl's job whose pads (54.00 + 20 % tax) he approved and discs not yet. */
final class PaymentWorld {

    final Rows rows;
    final GarageFixture garage;
    final Person carl;
    final Person advisor;
    final UUID jobId;
    final UUID pads;
    final UUID discs;

    PaymentWorld(DataSource dataSource, String status) {
        rows = new Rows(dataSource);
        garage = GarageFixture.create(dataSource);
        carl = garage.customer("Carl", "Jensen");
        advisor = garage.advisor("Ava Stone");
        jobId = garage.job(carl, garage.vehicle(carl)).advisor(advisor).status(status)
                .part("Front brake pads", "BP-7731", 5400, 3100)
                .part("Front brake discs", "BD-2210", 8900, 5200)
                .create();
        List<Map<String, Object>> lines = rows.query("select id from estimate_line where job_id = ? order by position",
                jobId);
        pads = (UUID) lines.get(0).get("id");
        discs = (UUID) lines.get(1).get("id");
        garage.sql("update estimate_line set approval_status = 'APPROVED', decided_at = now() where id = ?", pads);
        garage.sql("insert into garage_payment_settings (garage_id, deposit_rule, deposit_percent_bp) values (?, ?, ?)",
                garage.garageId, "PERCENTAGE", 3000);
    }

    Map<String, Object> onlyPayment() {
        return rows.one("select * from payment where job_id = ?", jobId);
    }

    long payments() {
        return rows.count("select count(*) from payment where job_id = ?", jobId);
    }
}
