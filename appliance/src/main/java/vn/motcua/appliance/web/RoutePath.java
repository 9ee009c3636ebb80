package vn.motcua.appliance.web;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The request paths a {@link Route} answers: one path, or every path of one shape. A shape carries an example
 * path, which the table checks it matches; the docs show it and the LAN test requests it.
 */
public sealed interface RoutePath {
    boolean matches(String path);

    /** A path this route answers, for the docs and for tests that request every route. */
    String example();

    static RoutePath exact(String path) {
        return new Exact(path);
    }

    /** Paths matching {@code shape} whole. */
    static RoutePath shape(Pattern shape, String example) {
        return new Shape(shape, example);
    }

    /** Every path that starts with {@code prefix}. */
    static RoutePath prefix(String prefix, String example) {
        return new Shape(Pattern.compile(Pattern.quote(prefix) + ".*", Pattern.DOTALL), example);
    }

    record Exact(String path) implements RoutePath {
        public Exact {
            if (path == null || !path.startsWith("/")) {
                throw new IllegalArgumentException("a route path starts with /: " + path);
            }
        }

        @Override
        public boolean matches(String p) {
            return path.equals(p);
        }

        @Override
        public String example() {
            return path;
        }

        @Override
        public String toString() {
            return path;
        }
    }

    record Shape(Pattern shape, String example) implements RoutePath {
        public Shape {
            Objects.requireNonNull(shape, "shape");
            if (example == null || !shape.matcher(example).matches()) {
                throw new IllegalArgumentException("the example " + example + " does not have the shape " + shape);
            }
        }

        @Override
        public boolean matches(String p) {
            return shape.matcher(p).matches();
        }

        @Override
        public String toString() {
            return shape.pattern();
        }
    }
}
