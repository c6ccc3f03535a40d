package com.garage.mobile.platform.sync;

/**
 * One type's share of a caller's offline copy, as SQL. Member queries select {@code id} and take
 * $1 garage, $2 person, $3 the start of the closed-record window ({@code garage.sync.closed-job-window});
 * the aged-out query also takes $4, the window's start when the previous cursor was issued. The change
 * filter sees the change row as {@code c} and takes $2.
 *
 * @param members      the ids of the records the caller holds now
 * @param agedOut      the ids that left the scope by age alone between $4 and $3, or null when none can
 * @param changeFilter which change rows of this type concern the caller: a record that left their scope
 *                     must still match, so that they get its tombstone
 */
public record SyncScope(String members, String agedOut, String changeFilter) {

    /** Change rows whose audience names the caller. */
    public static final String NAMING_CALLER = "c.audience @> array[$2::uuid]";
    /** Every change row of the caller's garage. */
    public static final String WHOLE_GARAGE = "$2::uuid is not null";

    /** Records a person holds for as long as they are theirs, whatever their age. */
    public static SyncScope own(String members) {
        return new SyncScope(members + " and $3::timestamptz is not null", null, NAMING_CALLER);
    }
}
