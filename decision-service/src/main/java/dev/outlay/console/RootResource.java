package dev.outlay.console;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /}: the console's home when signed in, else its sign-in page. */
@Path("/")
public class RootResource {

    @Inject
    CurrentSession current;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response root() {
        return current.get().isPresent() ? ConsolePages.seeOther("/console") : ConsolePages.toSignIn();
    }
}
