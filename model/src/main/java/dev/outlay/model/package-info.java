/** Canonical FOCUS-aligned types shared by every module; plain Java only. */
package dev.outlay.model;
