/**
 * The ticket printer: port {@link vn.motcua.appliance.devices.printer.TicketPrinter}, ESC/POS adapter
 * {@link vn.motcua.appliance.devices.printer.EscPosPrinter} over a
 * {@link vn.motcua.appliance.devices.printer.PrinterLink} (serial/CDC-ACM, usblp, in-memory), the
 * raster renderer with the bundled font, the office-editable template, and status as data. The
 * simulator is in {@code sim}. Setup and behaviour: {@code hardware-docs/printer.md}.
 */
package vn.motcua.appliance.devices.printer;
