package dev.outlay.security;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Test bean: keeps the application's HTTP router so the route walker can list what it serves. */
@ApplicationScoped
public class RouterProbe {

    private volatile Router router;

    void capture(@Observes Router router) {
        this.router = router;
    }

    Router router() {
        return router;
    }
}
