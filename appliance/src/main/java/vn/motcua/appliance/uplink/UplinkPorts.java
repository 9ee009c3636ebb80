package vn.motcua.appliance.uplink;

/**
 * The ports the appliance implements for the uplink (see each interface).
 *
 * @param bookings where the district's bookings go; null for an uplink that takes none (then it does not subscribe)
 */
public record UplinkPorts(ConfigApplier config, CommandHandler commands, DossierCache dossiers, BookingReceiver bookings) {
    /** Without bookings. */
    public UplinkPorts(ConfigApplier config, CommandHandler commands, DossierCache dossiers) {
        this(config, commands, dossiers, null);
    }
}
