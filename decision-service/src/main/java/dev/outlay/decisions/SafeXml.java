/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.decisions;

import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.StringReader;
import java.util.List;

/**
 * Parses uploaded XML before any KIE component sees it: DOCTYPEs are refused outright, which rules out external
 * entities, entity expansion bombs and DTD fetches, and a malformed document is reported with line and column.
 */
public final class SafeXml {

    private SafeXml() {
    }

    public static Document parse(String xml) {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (SAXParseException e) {
            String message = e.getMessage();
            if (message != null && message.contains("DOCTYPE")) message = "DOCTYPE declarations are not allowed in uploaded models";
            throw new InvalidRuleVersionException("The document is not well-formed XML", List.of(
                    ValidationMessage.error("XML_MALFORMED", message, null, e.getLineNumber(), e.getColumnNumber())));
        } catch (Exception e) {
            throw new InvalidRuleVersionException("The document is not readable XML", List.of(
                    ValidationMessage.error("XML_MALFORMED", String.valueOf(e.getMessage()), null, null, null)));
        }
    }

    public static DocumentBuilderFactory factory() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
