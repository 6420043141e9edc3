/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.api.problem;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.kie.kogito.internal.process.workitem.NotAuthorizedException;
import org.kie.kogito.usertask.UserTaskInstanceNotAuthorizedException;
import org.kie.kogito.usertask.lifecycle.UserTaskTransitionException;

/**
 * Kogito refuses a task action with one of two unrelated exception types (user-task life cycle vs. work item). Both
 * mean "this identity may not do that" and answer 403 problem+json, not the 500 of the catch-all mapper; a
 * transition the task's state does not allow answers 409.
 */
public final class KogitoRefusalMappers {

    private KogitoRefusalMappers() {
    }

    @Provider
    @Priority(JobsServiceMapperOverrides.PRIORITY)
    public static class UserTaskRefused implements ExceptionMapper<UserTaskInstanceNotAuthorizedException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(UserTaskInstanceNotAuthorizedException e) {
            return ProblemResponses.of(Problem.of(403, "Forbidden", e.getMessage()), ExceptionMappers.path(uri));
        }
    }

    @Provider
    @Priority(JobsServiceMapperOverrides.PRIORITY)
    public static class WorkItemRefused implements ExceptionMapper<NotAuthorizedException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(NotAuthorizedException e) {
            return ProblemResponses.of(Problem.of(403, "Forbidden", e.getMessage()), ExceptionMappers.path(uri));
        }
    }

    @Provider
    @Priority(JobsServiceMapperOverrides.PRIORITY)
    public static class TransitionRefused implements ExceptionMapper<UserTaskTransitionException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(UserTaskTransitionException e) {
            return ProblemResponses.of(Problem.of(409, "Conflict", e.getMessage()), ExceptionMappers.path(uri));
        }
    }
}
