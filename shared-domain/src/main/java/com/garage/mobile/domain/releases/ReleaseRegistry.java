package com.garage.mobile.domain.releases;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.audit.AuditedAction;
import com.garage.mobile.domain.notification.SqlTime;
import com.garage.mobile.domain.paging.PageCursor;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.problem.StaleVersionException;
import com.garage.mobile.domain.time.GarageClock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The releases of both apps: registered by admins, their store status moved as the stores move them. */
@ApplicationScoped
public class ReleaseRegistry {

    public static final String REGISTER = "release.register";
    public static final String STORE_STATUS = "release.store-status";
    private static final String INSERT = """
            insert into app_release (id, garage_id, app, platform, version, build, store_status, notes, minimum_os,
                budget_crash_free_bp, budget_min_sessions, created_by, created_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
            on conflict (app, platform, version) do nothing""";
    private static final String STATUS = """
            update app_release set store_status = $2, version_no = version_no + 1 where id = $1 and version_no = $3""";

    private final Pool pool;
    private final AuditTrail audit;
    private final AuditedAction audited;
    private final GarageClock clock;
    private final ReleasesConfig config;
    private final ReleaseOperator operator;

    public ReleaseRegistry(Pool pool, AuditTrail audit, AuditedAction audited, GarageClock clock,
            ReleasesConfig config, ReleaseOperator operator) {
        this.pool = pool;
        this.audit = audit;
        this.audited = audited;
        this.clock = clock;
        this.config = config;
        this.operator = operator;
    }

    public Uni<Release> register(Actor admin, ReleaseDraft draft) {
        UUID id = UUID.randomUUID();
        return audited.run(admin, REGISTER, "release", id, () -> {
            draft.validate();
            Instant now = clock.now();
            Tuple row = Tuple.tuple().addUUID(id).addUUID(admin.garageId()).addString(draft.app().name())
                    .addString(draft.platform().name()).addString(draft.version().trim()).addString(draft.build())
                    .addString(draft.storeStatus().name()).addString(draft.notes() != null ? draft.notes() : "")
                    .addString(draft.minimumOs())
                    .addInteger(draft.crashFreeBp() != null ? draft.crashFreeBp() : config.budgetCrashFreeBp())
                    .addInteger(draft.minSessions() != null ? draft.minSessions() : config.budgetMinSessions())
                    .addString(admin.subject()).addOffsetDateTime(SqlTime.at(now));
            return operator.require(admin).chain(() -> pool.withTransaction(connection -> connection
                            .preparedQuery(INSERT).execute(row)
                    .invoke(inserted -> {
                        if (inserted.rowCount() == 0) {
                            throw new ProblemException(ProblemType.RELEASE_EXISTS, "%s %s on %s is registered already."
                                    .formatted(draft.app(), draft.version(), draft.platform()));
                        }
                    })
                    .call(() -> audit.record(connection, admin, REGISTER, "release", id, AuditOutcome.SUCCESS,
                            Map.of("app", draft.app().name(), "platform", draft.platform().name(),
                                    "version", draft.version().trim(), "build", draft.build()), now))))
                    .chain(() -> find(id));
        });
    }

    public Uni<Release> changeStoreStatus(Actor admin, UUID id, StoreStatus status, long baseVersion) {
        return audited.run(admin, STORE_STATUS, "release", id, () -> operator.require(admin).chain(() -> find(id))
                .chain(current -> {
            if (current.versionNo() != baseVersion) {
                return Uni.createFrom().failure(new StaleVersionException("The release", baseVersion,
                        current.versionNo()));
            }
            return pool.withTransaction(connection -> connection.preparedQuery(STATUS)
                    .execute(Tuple.of(id, status.name(), baseVersion))
                    .invoke(updated -> {
                        if (updated.rowCount() == 0) {
                            throw new StaleVersionException("The release", baseVersion, baseVersion + 1);
                        }
                    })
                    .call(() -> audit.record(connection, admin, STORE_STATUS, "release", id, AuditOutcome.SUCCESS,
                            Map.of("from", current.storeStatus().name(), "to", status.name()), clock.now())))
                    .chain(() -> find(id));
        }));
    }

    /** The release, or 404. */
    public Uni<Release> find(UUID id) {
        return pool.preparedQuery("select " + Release.COLUMNS + " from app_release r where r.id = $1")
                .execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw ProblemException.notFound("Release");
                    }
                    return Release.of(rows.iterator().next());
                });
    }

    /** Up to {@code limit + 1} releases after the cursor, newest first (the extra one shows there are more). */
    public Uni<List<Release>> newest(PageCursor after, int limit) {
        Tuple args = Tuple.tuple().addOffsetDateTime(after != null ? SqlTime.at(after.sortKey()) : null)
                .addUUID(after != null ? after.id() : null).addInteger(limit + 1);
        return pool.preparedQuery("select " + Release.COLUMNS + """
                 from app_release r where $1::timestamptz is null or (r.created_at, r.id) < ($1, $2)
                order by r.created_at desc, r.id desc limit $3""").execute(args).map(rows -> {
                    List<Release> releases = new ArrayList<>();
                    for (Row row : rows) {
                        releases.add(Release.of(row));
                    }
                    return releases;
                });
    }
}
