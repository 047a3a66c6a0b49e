/**
 * What the services (api-command, processor, socket-gateway) do the same way, written once:
 * {@code chaos} (the flags in effect and whether a fault fires), {@code messaging} (an AMQP body
 * read, checked against its schema and converted), {@code problem} (RFC 9457 answers without
 * internals) and {@code trace} (W3C {@code traceparent}). Nothing here knows one service's domain.
 */
package dev.backchannel.service;
