package vn.motcua.appliance.web.pages;

import vn.motcua.appliance.web.Route;
import vn.motcua.appliance.web.Routes;

/**
 * A page or style sheet that links a file no route serves, or one its viewers cannot reach (a LAN page linking a
 * local-only script), stops the start, rather than a clerk's screen missing its script.
 */
final class LinkedAssets {
    private LinkedAssets() {
    }

    static void requireServed(Routes routes) {
        for (Route page : routes.all()) {
            if (!(page.handler() instanceof Asset asset)) {
                continue;
            }
            for (String linked : asset.linked()) {
                Route target = routes.find(linked).filter(r -> r.handler() instanceof Asset).orElseThrow(() ->
                        new IllegalStateException(page.path() + " links " + linked + ", which no asset route serves"));
                if (!page.exposure().within(target.exposure())) {
                    throw new IllegalStateException(page.path() + " is " + page.exposure() + " but links " + linked
                            + ", which is " + target.exposure());
                }
            }
        }
    }
}
