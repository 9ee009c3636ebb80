package vn.motcua.appliance.devices.reader;

/**
 * What the kiosk tells the resident after a rejected scan, in Vietnamese and English. Short, no
 * technical words, and never an echo of what was scanned.
 */
public record ResidentMessage(String vi, String en) {

    public static ResidentMessage forRejection(ScanResult.Reason reason) {
        return switch (reason) {
            case MALFORMED_CITIZEN_ID -> new ResidentMessage(
                    "Không đọc được mã trên thẻ căn cước. Vui lòng đưa thẻ lại gần đầu đọc hoặc đến quầy hướng dẫn.",
                    "The ID card code could not be read. Please hold the card closer or ask at the help desk.");
            case TOO_LONG, INVALID_UTF8, CONTROL_CHARACTERS, EMPTY -> new ResidentMessage(
                    "Không đọc được mã. Vui lòng quét lại.",
                    "The code could not be read. Please scan it again.");
            case NOT_RECOGNISED -> new ResidentMessage(
                    "Mã không được nhận dạng. Vui lòng quét mã trên giấy hẹn, phiếu số hoặc thẻ căn cước.",
                    "Code not recognised. Please scan the code on your appointment slip, ticket or ID card.");
        };
    }
}
