package vn.motcua.appliance.web.phone;

import vn.motcua.appliance.web.Markup;

/**
 * The phone page's HTML, written by the server with every value escaped: the ticket as it is now (so a phone without
 * script still sees it, and reloads for news), the entry form for the short code, and the finished and refused
 * answers. Vietnamese first, English beside it ({@code lang="en"}). Small: one style sheet and one script of its own,
 * no web font (phones have Vietnamese fonts; a guest Wi-Fi is slow).
 */
final class PhoneHtml {
    private PhoneHtml() {}

    static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>" + Markup.escape(title) + "</title>"
                + "<link rel=\"icon\" href=\"data:,\"><link rel=\"stylesheet\" href=\"/assets/phone.css\"></head><body>"
                + "<header><h1>Theo dõi số thứ tự <span class=\"en\" lang=\"en\">/ Follow your ticket</span></h1></header>"
                + "<main>" + body + "</main><script src=\"/assets/phone.js\"></script></body></html>";
    }

    /** The ticket, followed live by the script from {@code statePath} every {@code refreshSeconds}. */
    static String ticket(String office, PhoneState s, String statePath, long refreshSeconds) {
        boolean called = s.status().equals("called");
        return "<div id=\"ticket\" data-state=\"" + Markup.escape(statePath) + "\" data-refresh=\"" + refreshSeconds
                + "\" data-status=\"" + s.status() + "\" data-call=\"" + s.callId() + "\">"
                + "<p class=\"office\">" + Markup.escape(office) + "</p>"
                + "<p class=\"label\">Số của bạn <span class=\"en\" lang=\"en\">/ Your number</span></p>"
                + "<p class=\"number\" id=\"number\">" + Markup.escape(s.number()) + "</p>"
                + "<p class=\"service\">" + Markup.escape(s.serviceVi()) + " <span class=\"en\" lang=\"en\">/ "
                + Markup.escape(s.serviceEn()) + "</span></p>"
                + "<div id=\"called\" class=\"called\" role=\"alert\"" + (called ? "" : " hidden") + ">"
                + "<p id=\"called-vi\">" + (called ? Markup.escape(s.stateVi()) : "") + "</p>"
                + "<p class=\"en\" lang=\"en\" id=\"called-en\">" + (called ? Markup.escape(s.stateEn()) : "") + "</p></div>"
                + "<div class=\"state\" id=\"state-box\" role=\"status\" aria-live=\"polite\"" + (called ? " hidden" : "") + ">"
                + "<p id=\"state\"><span id=\"state-vi\">" + Markup.escape(s.stateVi()) + "</span> <span class=\"en\" lang=\"en\""
                + " id=\"state-en\">/ " + Markup.escape(s.stateEn()) + "</span></p>"
                + "<dl id=\"wait\"" + (s.status().equals("waiting") ? "" : " hidden") + ">"
                + "<dt>Số người chờ trước bạn <span class=\"en\" lang=\"en\">/ People ahead</span></dt>"
                + "<dd id=\"ahead\">" + s.peopleAhead() + "</dd>"
                + "<dt>Thời gian chờ dự kiến <span class=\"en\" lang=\"en\">/ Estimated wait</span></dt>"
                + "<dd><span id=\"wait-vi\">" + Markup.escape(s.waitVi()) + "</span> <span class=\"en\" lang=\"en\" id=\"wait-en\">/ "
                + Markup.escape(s.waitEn()) + "</span></dd></dl></div>"
                + "<button type=\"button\" id=\"sound\" aria-pressed=\"false\">Bật âm báo khi được gọi <span lang=\"en\">"
                + "/ Sound an alert when called</span></button>"
                + "<p class=\"hint\" id=\"updated\">Trang tự cập nhật mỗi " + refreshSeconds + " giây <span class=\"en\" lang=\"en\">"
                + "/ This page updates every " + refreshSeconds + " seconds</span></p>"
                + "<p class=\"hint\">Giữ trang này mở; không cần đứng gần quầy. <span class=\"en\" lang=\"en\">/ Keep this page"
                + " open; you need not wait by the counters.</span></p></div>";
    }

    /** The form for a resident whose phone cannot scan: the number and the short code printed on the ticket. */
    static String form(String messageVi, String messageEn) {
        String message = messageVi == null ? "" : message(messageVi, messageEn);
        return message + "<form class=\"entry\" action=\"/t\" method=\"get\">"
                + "<p>Nhập số thứ tự và mã in trên phiếu. <span class=\"en\" lang=\"en\">/ Enter the number and the code printed"
                + " on your ticket.</span></p>"
                + "<label for=\"so\">Số thứ tự <span class=\"en\" lang=\"en\">/ Number</span></label>"
                + "<input id=\"so\" name=\"so\" maxlength=\"8\" autocomplete=\"off\" autocapitalize=\"characters\" placeholder=\"A023\">"
                + "<label for=\"ma\">Mã theo dõi <span class=\"en\" lang=\"en\">/ Code</span></label>"
                + "<input id=\"ma\" name=\"ma\" maxlength=\"12\" autocomplete=\"off\" autocapitalize=\"characters\" placeholder=\"7KQ-M4P\">"
                + "<button type=\"submit\">Xem số của tôi <span lang=\"en\">/ Show my ticket</span></button></form>";
    }

    /** A refusal or the end of a ticket, worded by the error catalogue. */
    static String message(String vi, String en) {
        return "<div class=\"message\" role=\"alert\"><p>" + Markup.escape(vi) + "</p><p class=\"en\" lang=\"en\">"
                + Markup.escape(en) + "</p></div>";
    }

    /** A refused link: said plainly, with the form to type the number and code instead. */
    static String refused(String vi, String en) {
        return "<div id=\"refused\">" + message(vi, en)
                + "<p><a href=\"/t\">Nhập số và mã in trên phiếu <span lang=\"en\">/ Enter the number and code on the ticket</span></a></p></div>";
    }

    /** A finished ticket: said plainly, with the way to follow a new one. */
    static String finished(String vi, String en) {
        return "<div id=\"finished\">" + message(vi, en)
                + "<p><a href=\"/t\">Theo dõi một phiếu khác <span lang=\"en\">/ Follow another ticket</span></a></p></div>";
    }
}
