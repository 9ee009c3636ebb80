package vn.motcua.tests.crash;

import vn.motcua.tests.harness.ApplianceProcess;

/** The corrupt-at-boot matrix on a device with no district link: what a damaged file costs, said exactly. */
class CorruptAtBootTest extends CorruptAtBootMatrix {
    @Override
    String configAddition() {
        return "";
    }

    @Override
    void delivered(ApplianceProcess app, String when) {}

    @Override
    void districtAsAt(String when) {}

    @Override
    boolean districtHoldsTheDay() {
        return false;
    }
}
