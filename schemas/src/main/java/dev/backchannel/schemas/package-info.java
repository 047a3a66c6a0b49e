/**
 * The Backchannel message contracts as Java types. The JSON Schemas under
 * {@code src/main/resources/schemas} are the source of truth; {@code ContractTest} checks that
 * every type here serialises to JSON that its schema accepts.
 */
package dev.backchannel.schemas;
