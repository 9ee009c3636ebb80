package vn.motcua.appliance.web.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import vn.motcua.appliance.devices.DeviceEvent;
import vn.motcua.appliance.devices.DeviceStatus;
import vn.motcua.appliance.service.DeviceCounters;

/** The device counters in the Prometheus text format (0.0.4), exactly as a scraper reads them. */
class DeviceMetricsTest {
    final DeviceCounters devices = new DeviceCounters();

    String scrape() throws Exception {
        PrometheusRegistry r = new PrometheusRegistry();
        DeviceMetrics.register(r, devices);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, r.scrape());
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aFreshApplianceShowsEveryKindOutcomeAndDeviceAtZero() throws Exception {
        assertEquals("""
                # HELP motcua_device_faults_total Device faults raised, by device
                # TYPE motcua_device_faults_total counter
                motcua_device_faults_total{device="counter-board"} 0.0
                motcua_device_faults_total{device="paired-screen"} 0.0
                motcua_device_faults_total{device="printer"} 0.0
                motcua_device_faults_total{device="reader"} 0.0
                # HELP motcua_keypad_presses_refused_total Counter keypad presses the queue refused (the board flashed why)
                # TYPE motcua_keypad_presses_refused_total counter
                motcua_keypad_presses_refused_total 0.0
                # HELP motcua_print_jobs_total Ticket print jobs, by outcome
                # TYPE motcua_print_jobs_total counter
                motcua_print_jobs_total{outcome="fault"} 0.0
                motcua_print_jobs_total{outcome="printed"} 0.0
                motcua_print_jobs_total{outcome="queue_full"} 0.0
                # HELP motcua_scans_total Codes read at the reader, by kind
                # TYPE motcua_scans_total counter
                motcua_scans_total{kind="citizen_id"} 0.0
                motcua_scans_total{kind="dossier"} 0.0
                motcua_scans_total{kind="rejected"} 0.0
                motcua_scans_total{kind="ticket"} 0.0
                """, scrape());
    }

    @Test
    void scansPrintJobsAndFaultsAreCountedFromTheDeviceEventsAndJobReports() throws Exception {
        Instant at = Instant.parse("2026-11-22T08:00:00Z");
        DeviceStatus paperEnd = DeviceStatus.fault("printer", DeviceStatus.Reason.PAPER_END, "paper end", at);
        devices.recorded(new DeviceEvent.DossierScanned("000.00.15.H29-241122-0001"));
        devices.recorded(new DeviceEvent.DossierScanned("000.00.15.H29-241122-0002"));
        devices.recorded(new DeviceEvent.CitizenIdScanned(true));
        devices.recorded(new DeviceEvent.ScanRejected("UNKNOWN_FORMAT"));
        devices.recorded(new DeviceEvent.FaultRaised(paperEnd));
        devices.recorded(new DeviceEvent.StatusChanged(paperEnd)); // the same fault, as status: not counted again
        devices.recorded(new DeviceEvent.FaultCleared(DeviceStatus.Reason.PAPER_END,
                DeviceStatus.ok("printer", "ready", at)));                                     // not a fault
        devices.recorded(new DeviceEvent.BoardOffline(3, 3, "no-reply"));
        devices.recorded(new DeviceEvent.BoardOnline(3, 3, "ok"));                            // not a fault
        devices.recorded(new DeviceEvent.FaultRaised(DeviceStatus.fault("bad\"label\n{x}",  // never a label value
                DeviceStatus.Reason.DISCONNECTED, "x", at)));
        Instant last = Instant.parse("2026-11-22T07:58:00Z");
        devices.recorded(new DeviceEvent.ScreenOffline(4, "Phòng chờ", "display", last));
        devices.recorded(new DeviceEvent.ScreenOnline(4, "Phòng chờ", "display", at));              // not a fault
        devices.recorded(new DeviceEvent.PressRefused(9, "NOTHING_WAITING"));
        devices.recorded(new DeviceEvent.PressRefused(3, "TICKET_AT_COUNTER"));
        devices.printJob(true);
        devices.printJob(true);
        devices.printJob(false);
        String text = scrape();
        for (String line : new String[] {
                "motcua_scans_total{kind=\"dossier\"} 2.0", "motcua_scans_total{kind=\"citizen_id\"} 1.0",
                "motcua_scans_total{kind=\"ticket\"} 0.0", "motcua_scans_total{kind=\"rejected\"} 1.0",
                "motcua_print_jobs_total{outcome=\"printed\"} 2.0", "motcua_print_jobs_total{outcome=\"fault\"} 1.0",
                "motcua_device_faults_total{device=\"printer\"} 1.0",
                "motcua_device_faults_total{device=\"counter-board\"} 1.0",
                "motcua_device_faults_total{device=\"reader\"} 0.0",
                "motcua_device_faults_total{device=\"paired-screen\"} 1.0",
                "motcua_keypad_presses_refused_total 2.0"}) {
            assertEquals(1, text.lines().filter(line::equals).count(), line + " in\n" + text);
        }
        assertEquals(4, text.lines().filter(l -> l.startsWith("motcua_device_faults_total{")).count(), text);
    }
}
