/*
 * Copyright (c) 2010-2026 Contributors to the openHAB project
 *
 * See the NOTICE file(s) distributed with this work for additional
 * information.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * http://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
/**
 * Compile-only stand-in for openHAB Core's package {@code org.openhab.core.io.transport.mqtt}; see
 * src/openhab-core-stand-ins/README.md.
 */
@org.osgi.annotation.versioning.Version("5.2.1")
package org.openhab.core.io.transport.mqtt;
