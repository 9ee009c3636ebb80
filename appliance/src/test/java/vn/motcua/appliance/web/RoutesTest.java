package vn.motcua.appliance.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The route table refuses a route without an exposure decision: at build time (the compiler, run here on a
 * newcomer's line), and at start (a null one), and it refuses a table whose lines contradict each other.
 */
class RoutesTest {
    @TempDir
    Path out;

    @Test
    void aRouteWithoutAnExposureDoesNotCompile() {
        String without = compile("Route.exact(\"/new-screen\", Routes.nothing())");
        assertTrue(without.contains("exact"), "the compiler names the call it cannot match: " + without);
        String withNull = compile("new Route(RoutePath.exact(\"/new-screen\"), Routes.nothing())");
        assertFalse(withNull.isEmpty(), "two arguments do not make a route");
        assertEquals("", compile("Route.exact(\"/new-screen\", Exposure.LAN, Routes.nothing())"),
                "the same line with an exposure compiles (so the refusals above are the compiler's, not the harness's)");
    }

    @Test
    void aNullExposureStopsTheStartNamingThePath() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Route.exact("/new-screen", null, Routes.nothing()));
        assertEquals("route /new-screen has no exposure: say LOCAL_ONLY, LAN_STAFF, LAN_DISPLAY, LAN_COUNTER_SCREEN, LAN_LIVE, LAN_GUEST or LAN", e.getMessage());
    }

    @Test
    void aPathTwiceOrARouteAnEarlierShapeSwallowsStopsTheStart() {
        IllegalStateException twice = assertThrows(IllegalStateException.class, () -> new Routes(List.of(
                Route.exact("/a", Exposure.LAN, Routes.nothing()),
                Route.exact("/a", Exposure.LOCAL_ONLY, Routes.nothing())), Routes.nothing()));
        assertEquals("route /a is in the table twice", twice.getMessage());
        IllegalStateException swallowed = assertThrows(IllegalStateException.class, () -> new Routes(List.of(
                Route.prefix("/api/", "/api/queue", Exposure.LOCAL_ONLY, Routes.nothing()),
                Route.shape(Pattern.compile("/api/counters/\\d{1,2}/[a-z-]{1,20}"), "/api/counters/1/open", Exposure.LAN,
                        Routes.nothing())), Routes.nothing()));
        assertTrue(swallowed.getMessage().contains("/api/counters/1/open goes to route"), swallowed.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Route.shape(Pattern.compile("/kiosk/[a-z]+"), "/kiosk/1", Exposure.LOCAL_ONLY, Routes.nothing()),
                "an example the shape does not match");
    }

    @Test
    void anExactPathComesBeforeAShapeAndAnUnknownPathHasNoRoute() {
        Routes routes = new Routes(List.of(
                Route.prefix("/kiosk/", "/kiosk/info", Exposure.LOCAL_ONLY, Routes.nothing()),
                Route.exact("/kiosk/open", Exposure.LAN, Routes.nothing())), Routes.nothing());
        assertEquals(Exposure.LAN, routes.find("/kiosk/open").orElseThrow().exposure());
        assertEquals(Exposure.LOCAL_ONLY, routes.find("/kiosk/qr/A001.svg").orElseThrow().exposure());
        assertTrue(routes.find("/kiosk").isEmpty());
    }

    /** Compiles a class whose one field is {@code expression}; the compiler's errors, or "" when it compiled. */
    private String compile(String expression) {
        String source = "package vn.motcua.appliance.web;\nclass NewScreen {\n    Object route = " + expression + ";\n}\n";
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///vn/motcua/appliance/web/NewScreen.java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        boolean ok = javac.getTask(errors, null, null, List.of("-classpath", System.getProperty("java.class.path"),
                "-d", out.toString(), "-proc:none"), null, List.of(file)).call();
        return ok ? "" : errors.toString();
    }
}
