package dev.backchannel.schemas;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The fields of an item that a command sets; an absent field is left as it is. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ItemFields(String title, ItemStatus status) {
}
