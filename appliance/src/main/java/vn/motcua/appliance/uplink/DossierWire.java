package vn.motcua.appliance.uplink;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Pattern;

/** Wire format of dossier lookups (contract v1): the request body and the checked parse of an answer. */
public final class DossierWire {
    public static final int MAX_ANSWER_BYTES = 8 * 1024;
    /** Slip codes as printed by the district system: letters, digits and dashes, 4..32 characters. */
    // National dossier codes carry dots: 000.00.15.H29-241122-0001 (what the code reader recognises).
    private static final Pattern SLIP_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{3,39}");

    private DossierWire() {}

    public static boolean isSlipCode(String s) {
        return s != null && SLIP_CODE.matcher(s).matches();
    }

    public static byte[] request(String slipCode) {
        return Json.bytes(Map.of("v", 1, "code", slipCode));
    }

    /** Parses an answer to the lookup of {@code expectedCode}; throws {@link BadMessageException} if it is not one. */
    public static Dossier parseAnswer(byte[] payload, String expectedCode) {
        JsonNode n = Json.parseObject(payload, MAX_ANSWER_BYTES);
        if (n.path("v").asInt(-1) != 1) {
            throw new BadMessageException("unsupported answer schema 'v' (expected 1)");
        }
        String code = Json.text(n, "code", 32);
        if (!code.equals(expectedCode)) {
            throw new BadMessageException("answer is for another slip code");
        }
        Dossier.Status status = Dossier.Status.fromWire(Json.text(n, "status", 32));
        String department = Json.optText(n, "department", 120);
        String due = Json.optText(n, "dueDate", 10);
        String note = Json.optText(n, "note", 500);
        if (status == Dossier.Status.IN_PROGRESS && department == null) {
            throw new BadMessageException("'in_progress' answer must name the department");
        }
        try {
            return new Dossier(code, status, department, due == null ? null : LocalDate.parse(due), note);
        } catch (DateTimeParseException e) {
            throw new BadMessageException("'dueDate' is not a date (yyyy-mm-dd)");
        }
    }

    /** The answer a district server sends (used by the stand-in and in tests). */
    public static byte[] answer(Dossier d) {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("v", 1);
        m.put("code", d.code());
        m.put("status", d.status().wire());
        if (d.department() != null) {
            m.put("department", d.department());
        }
        if (d.dueDate() != null) {
            m.put("dueDate", d.dueDate().toString());
        }
        if (d.note() != null) {
            m.put("note", d.note());
        }
        return Json.bytes(m);
    }
}
