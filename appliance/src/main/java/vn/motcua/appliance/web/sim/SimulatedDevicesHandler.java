package vn.motcua.appliance.web.sim;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import vn.motcua.appliance.devices.buttons.SimulatedButtonPanel;
import vn.motcua.appliance.devices.resident.PrinterDevice;
import vn.motcua.appliance.devices.resident.ResidentDevices;
import vn.motcua.appliance.devices.printer.sim.SimulatedPrinter;
import vn.motcua.appliance.devices.reader.SimulatedCodeReader;
import vn.motcua.appliance.web.ErrorCatalogue;
import vn.motcua.appliance.web.Exchange;

/**
 * Only for devices in {@code mode = "simulated"} (the demo): what a resident or a technician would do to the real
 * device, over HTTP, so the demo shows every device path without hardware. Each goes through the same code as the
 * real device: a scan through the reader's pipeline, a press through the button tickets, paper out through the
 * printer's status answers.
 * <ul>
 * <li>{@code POST /sim/reader/scan} (body: the code's bytes, at most 4096) → 202</li>
 * <li>{@code POST /sim/buttons/ho-tich/press} → 202 (the ticket prints as from a real button)</li>
 * <li>{@code POST /sim/printer/paper?out=true|false} → 200; {@code GET /sim/printer/last.png}: the last ticket printed</li>
 * </ul>
 */
final class SimulatedDevicesHandler extends Handler.Abstract {
    private static final int MAX_SCAN = 4096;
    private static final Pattern PRESS = Pattern.compile("/sim/buttons/([a-z0-9-]{1,32})/press");

    private final SimulatedCodeReader reader;
    private final SimulatedButtonPanel buttons;
    private final SimulatedPrinter printer;

    private SimulatedDevicesHandler(SimulatedCodeReader reader, SimulatedButtonPanel buttons, SimulatedPrinter printer) {
        this.reader = reader;
        this.buttons = buttons;
        this.printer = printer;
    }

    /** The handler for the simulated devices among {@code devices}, or null when none is simulated. */
    static SimulatedDevicesHandler of(ResidentDevices devices) {
        SimulatedCodeReader r = devices.reader().filter(SimulatedCodeReader.class::isInstance)
                .map(SimulatedCodeReader.class::cast).orElse(null);
        SimulatedButtonPanel b = devices.buttons().filter(SimulatedButtonPanel.class::isInstance)
                .map(SimulatedButtonPanel.class::cast).orElse(null);
        SimulatedPrinter p = devices.printer().flatMap(PrinterDevice::simulator).orElse(null);
        return of(r, b, p);
    }

    /** The handler for these simulated devices (any may be null), or null when there is none. */
    static SimulatedDevicesHandler of(SimulatedCodeReader r, SimulatedButtonPanel b, SimulatedPrinter p) {
        return r == null && b == null && p == null ? null : new SimulatedDevicesHandler(r, b, p);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        String path = Request.getPathInContext(request);
        boolean post = request.getMethod().equals("POST");
        Matcher press = PRESS.matcher(path);
        if (path.equals("/sim/reader/scan") && post && reader != null) {
            scan(request, response, callback);
        } else if (press.matches() && post && buttons != null) {
            try {
                buttons.press(press.group(1));
                json(response, callback, 202, "{\"pressed\":\"" + press.group(1) + "\"}");
            } catch (IllegalArgumentException e) {
                ErrorCatalogue.NO_BUTTON.send(new Exchange(request, response, callback, 0));
            }
        } else if (path.equals("/sim/printer/paper") && post && printer != null) {
            String out = Request.extractQueryParameters(request).getValue("out");
            if (!"true".equals(out) && !"false".equals(out)) {
                ErrorCatalogue.OUT_TRUE_OR_FALSE.send(new Exchange(request, response, callback, 0));
            } else {
                printer.setPaperEnd(Boolean.parseBoolean(out));
                json(response, callback, 200, "{\"paper_out\":" + out + "}");
            }
        } else if (path.equals("/sim/printer/last.png") && printer != null) {
            List<BufferedImage> printed = printer.tickets();
            if (printed.isEmpty()) {
                ErrorCatalogue.NOTHING_PRINTED.send(new Exchange(request, response, callback, 0));
            } else {
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                ImageIO.write(printed.getLast(), "png", png);
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "image/png");
                response.write(true, ByteBuffer.wrap(png.toByteArray()), callback);
            }
        } else {
            return false;
        }
        return true;
    }

    private void scan(Request request, Response response, Callback callback) {
        byte[] bytes;
        try (java.io.InputStream in = Content.Source.asInputStream(request)) {
            bytes = in.readNBytes(MAX_SCAN + 1);
        } catch (IOException e) {
            ErrorCatalogue.BAD_BODY.send(new Exchange(request, response, callback, 0));
            return;
        }
        if (bytes.length > MAX_SCAN) { // a real reader's framer would cut it too: refuse, do not truncate
            ErrorCatalogue.SCAN_TOO_LONG.send(new Exchange(request, response, callback, 0));
            return;
        }
        reader.scan(bytes);
        json(response, callback, 202, "{\"scanned_bytes\":" + bytes.length + "}");
    }

    private static void json(Response response, Callback callback, int status, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        Content.Sink.write(response, true, body, callback);
    }
}
