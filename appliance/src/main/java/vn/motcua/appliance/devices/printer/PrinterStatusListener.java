package vn.motcua.appliance.devices.printer;

/**
 * Told when the printer's status changes (not on every poll). Called on the printer's I/O thread:
 * hand the work off, do not block. A fault raised is followed later by a status that no longer
 * holds it: that is the "cleared" signal.
 */
@FunctionalInterface
public interface PrinterStatusListener {
    void statusChanged(PrinterStatus previous, PrinterStatus current);
}
