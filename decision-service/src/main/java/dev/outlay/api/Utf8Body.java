/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.api;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A text upload (CSV) decoded as strict UTF-8 whatever charset the request claims. */
public final class Utf8Body {

    private Utf8Body() {
    }

    /** Spreadsheets export UTF-8; a wrong charset claim must not garble the text, and bytes that are not UTF-8 are a 422. */
    public static String decode(byte[] body) {
        if (body == null) return null;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.unprocessable("CSV is not valid UTF-8", List.of(Problem.Fault.atLine(1, null, "not valid UTF-8")));
        }
    }
}
