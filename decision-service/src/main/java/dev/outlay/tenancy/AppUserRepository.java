package dev.outlay.tenancy;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class AppUserRepository implements PanacheRepository<AppUser> {

    /** No tenant predicate here on purpose: row-level security scopes the rows to the bound tenant. */
    public List<AppUser> listForCurrentTenant() {
        return listAll(Sort.by("subject"));
    }
}
