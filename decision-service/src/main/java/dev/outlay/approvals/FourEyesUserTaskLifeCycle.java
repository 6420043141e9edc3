/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.approvals;

import jakarta.enterprise.context.ApplicationScoped;
import org.kie.kogito.auth.IdentityProvider;
import org.kie.kogito.usertask.UserTaskInstance;
import org.kie.kogito.usertask.UserTaskInstanceNotAuthorizedException;
import org.kie.kogito.usertask.impl.lifecycle.DefaultUserTaskLifeCycle;
import org.kie.kogito.usertask.lifecycle.UserTaskLifeCycle;
import org.kie.kogito.usertask.lifecycle.UserTaskTransition;
import org.kie.kogito.usertask.lifecycle.UserTaskTransitionException;
import org.kie.kogito.usertask.lifecycle.UserTaskTransitionToken;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kogito's default task life cycle with two refusals added, so they hold for the inbox and the raw
 * {@code /usertasks/instance} routes alike (the generated {@code UserTaskConfig} takes the application's
 * {@link UserTaskLifeCycle} bean when there is one):
 * <ul>
 * <li>an excluded user cannot claim, complete, release or otherwise move the task ({@link FourEyes});</li>
 * <li>a claim acts for the caller only: KIE 10.1 makes whatever {@code data.USER} names the actual owner, and the actual
 * owner becomes the task's {@code ActorId} output, i.e. the decider the process records.</li>
 * </ul>
 */
@ApplicationScoped
public class FourEyesUserTaskLifeCycle implements UserTaskLifeCycle {

    private final DefaultUserTaskLifeCycle delegate = new DefaultUserTaskLifeCycle();

    @Override
    public Optional<UserTaskTransitionToken> transition(UserTaskInstance task, UserTaskTransitionToken token, IdentityProvider identity) {
        String user = identity == null ? null : identity.getName();
        if (FourEyes.excluded(task.getExcludedUsers(), user)) {
            throw new UserTaskInstanceNotAuthorizedException("User " + user + " is excluded from task " + task.getId() + " (four-eyes).");
        }
        Map<String, Object> data = token.data();
        Object onBehalfOf = data == null ? null : data.get(DefaultUserTaskLifeCycle.PARAMETER_USER);
        if (onBehalfOf != null && !DefaultUserTaskLifeCycle.WORKFLOW_ENGINE_USER.equals(user) && !onBehalfOf.equals(user)) {
            throw new UserTaskInstanceNotAuthorizedException("A task is claimed by the caller only, not on behalf of " + onBehalfOf + ".");
        }
        return delegate.transition(task, token, identity);
    }

    @Override
    public List<UserTaskTransition> allowedTransitions(UserTaskInstance task, IdentityProvider identity) {
        if (FourEyes.excluded(task.getExcludedUsers(), identity == null ? null : identity.getName())) return List.of();
        return delegate.allowedTransitions(task, identity);
    }

    @Override
    public String startTransition() {
        return delegate.startTransition();
    }

    @Override
    public String reassignTransition() {
        return delegate.reassignTransition();
    }

    /**
     * KIE 10.1 refuses a transition the task's state does not allow (e.g. complete while Ready) with a bare
     * RuntimeException, which would answer 500; as its transition exception it answers 409.
     */
    @Override
    public UserTaskTransitionToken newTransitionToken(String transitionId, UserTaskInstance task, Map<String, Object> data) {
        try {
            return delegate.newTransitionToken(transitionId, task, data);
        } catch (UserTaskTransitionException e) {
            throw e;
        } catch (RuntimeException e) {
            if (e.getClass() != RuntimeException.class) throw e;
            throw new UserTaskTransitionException(e.getMessage());
        }
    }

    @Override
    public Optional<UserTaskTransitionToken> newReassignmentTransitionToken(UserTaskInstance task, Map<String, Object> data) {
        return delegate.newReassignmentTransitionToken(task, data);
    }

    @Override
    public UserTaskTransitionToken newCompleteTransitionToken(UserTaskInstance task, Map<String, Object> data) {
        return delegate.newCompleteTransitionToken(task, data);
    }

    @Override
    public UserTaskTransitionToken newAbortTransitionToken(UserTaskInstance task, Map<String, Object> data) {
        return delegate.newAbortTransitionToken(task, data);
    }
}
