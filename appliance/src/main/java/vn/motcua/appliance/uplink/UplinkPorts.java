package vn.motcua.appliance.uplink;

/** The ports the appliance implements for the uplink (see each interface). */
public record UplinkPorts(ConfigApplier config, CommandHandler commands, DossierCache dossiers) {}
