package io.gongzhi.support;

import io.gongzhi.identity.internal.Permission;
import org.springframework.context.ApplicationContext;

import java.util.List;

/**
 * How a module puts its endpoints into the authorisation matrix: implement this in the
 * module's test package and list the class in
 * {@code src/test/resources/META-INF/services/io.gongzhi.support.ScopedEndpoints}. The matrix
 * calls every endpoint as every role, inside and outside the caller's jurisdiction.
 */
public interface ScopedEndpoints {

    List<Endpoint> endpoints(Fixture fixture);

    /**
     * The world the matrix sets up: every caller is bound to the inside community; the
     * outside community is its neighbour in the same sub-district.
     */
    record Fixture(ApplicationContext context, String insideCode, String insidePath, String outsideCode, String outsidePath) {
    }

    /**
     * One GET endpoint.
     *
     * @param inside        path that reaches data inside the caller's jurisdiction
     * @param outside       path that reaches the same kind of data outside it; null for an endpoint without data scope
     * @param outsideIsList true when the outside path is a list or search that must answer without the outside data
     *                      (rather than answer 404)
     * @param insideMarker  text the inside answer must contain
     * @param outsideMarker text that identifies the outside data and must never appear
     */
    record Endpoint(String name, Permission permission, String inside, String outside, boolean outsideIsList,
                    String insideMarker, String outsideMarker) {

        public static Endpoint item(String name, Permission permission, String inside, String outside, String insideMarker, String outsideMarker) {
            return new Endpoint(name, permission, inside, outside, false, insideMarker, outsideMarker);
        }

        public static Endpoint list(String name, Permission permission, String path, String insideMarker, String outsideMarker) {
            return new Endpoint(name, permission, path, path, true, insideMarker, outsideMarker);
        }

        public static Endpoint unscoped(String name, Permission permission, String path, String marker) {
            return new Endpoint(name, permission, path, null, false, marker, null);
        }
    }
}
