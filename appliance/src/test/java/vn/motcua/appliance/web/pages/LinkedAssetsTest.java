package vn.motcua.appliance.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static vn.motcua.appliance.web.Exposure.LAN;
import static vn.motcua.appliance.web.Exposure.LOCAL_ONLY;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.motcua.appliance.web.Exposure;
import vn.motcua.appliance.web.Route;
import vn.motcua.appliance.web.Routes;

/** The asset list is the route table's: a page linking a file the table does not serve where the page is stops the start. */
class LinkedAssetsTest {
    private static final List<String> COUNTER_FILES = List.of("assets/common.css", "assets/kiosk.css",
            "assets/counter.css", "assets/live.js", "assets/staff.js", "assets/faults.js", "assets/counter.js",
            "fonts/NotoSans-Regular.ttf", "fonts/NotoSans-Bold.ttf");

    @Test
    void theCounterPageWithAllItsFilesOnTheLanStarts() {
        LinkedAssets.requireServed(counterPageWith(f -> LAN, null));
    }

    @Test
    void aLanPageLinkingALocalOnlyScriptStopsTheStart() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> LinkedAssets.requireServed(
                counterPageWith(f -> f.equals("assets/counter.js") ? LOCAL_ONLY : LAN, null)));
        assertEquals("/counter is LAN but links /assets/counter.js, which is LOCAL_ONLY", e.getMessage());
    }

    @Test
    void aPageOrStyleSheetLinkingAFileNoRouteServesStopsTheStart() {
        IllegalStateException script = assertThrows(IllegalStateException.class, () -> LinkedAssets.requireServed(
                counterPageWith(f -> LAN, "assets/staff.js")));
        assertEquals("/counter links /assets/staff.js, which no asset route serves", script.getMessage());
        IllegalStateException font = assertThrows(IllegalStateException.class, () -> LinkedAssets.requireServed(
                counterPageWith(f -> LAN, "fonts/NotoSans-Bold.ttf")));
        assertEquals("/assets/common.css links /fonts/NotoSans-Bold.ttf, which no asset route serves", font.getMessage());
    }

    /** The counter page and its files, each with the exposure {@code exposure} gives it, {@code left} left out. */
    private static Routes counterPageWith(java.util.function.Function<String, Exposure> exposure, String left) {
        List<Route> routes = new ArrayList<>(List.of(Route.exact("/counter", LAN, Asset.load("counter.html"))));
        COUNTER_FILES.stream().filter(f -> !f.equals(left))
                .forEach(f -> routes.add(Route.exact("/" + f, exposure.apply(f), Asset.load(f))));
        return new Routes(routes, Routes.nothing());
    }
}
