package vn.motcua.appliance.domain;

/** Why a ticket is served ahead of others. {@link #NORMAL} means no priority. */
public enum Priority {
    NORMAL("Thường", "Normal"),
    ELDERLY("Người cao tuổi", "Elderly"),
    DISABLED("Người khuyết tật", "Disability"),
    PREGNANT("Phụ nữ mang thai", "Pregnant"),
    CHILD_CARER("Người bế con nhỏ", "With a small child"),
    VETERAN("Người có công", "Meritorious person");

    private final String nameVi;
    private final String nameEn;

    Priority(String nameVi, String nameEn) {
        this.nameVi = nameVi;
        this.nameEn = nameEn;
    }

    public boolean isPriority() {
        return this != NORMAL;
    }

    public String nameVi() {
        return nameVi;
    }

    public String nameEn() {
        return nameEn;
    }
}
