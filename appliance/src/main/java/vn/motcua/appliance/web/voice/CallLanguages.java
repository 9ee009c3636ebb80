package vn.motcua.appliance.web.voice;

/** The languages of the spoken call ({@code [voice] languages}): Vietnamese always, English after it if the office wants. */
public enum CallLanguages {
    /** {@code "vi"}: "Mời số A023 đến quầy số 5" only. */
    VIETNAMESE,
    /** {@code "vi,en"} (the default): then "Number A023, please go to counter 5". */
    VIETNAMESE_THEN_ENGLISH
}
