package dev.backchannel.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;

/** The edges where the schema, the services and the database must agree (contract v2, issue "the truth"). */
class EdgeCasesTest {

    private static final String ID = "6f1c2a52-8a52-4c8e-9c1e-2b9a3e0f4d11";
    private static final String EMOJI = "\uD83D\uDE00";

    @Test
    void userIdsAreExactlyOneTo64OfTheAllowedCharactersWithNoTrailingNewline() {
        assertThat(validSession("alice")).isTrue();
        assertThat(validSession("a".repeat(64))).isTrue();
        assertThat(validSession("a".repeat(65))).isFalse();
        assertThat(validSession("alice\\n")).as("trailing newline").isFalse();
        assertThat(validSession("a".repeat(64) + "\\n")).isFalse();
        assertThat(validSession("al ice")).isFalse();
        assertThat(validSession("\\ud83d\\ude00")).isFalse();
    }

    @Test
    void versionsAboveTwoToThe53AreRefusedSoNoReaderLosesPrecision() {
        assertThat(validUpdate("3")).isTrue();
        assertThat(validUpdate("9007199254740991")).isTrue();
        assertThat(validUpdate("9223372036854775808")).as("2^63").isFalse();
        assertThat(validUpdate("1e308")).isFalse();
        assertThat(validUpdate("0")).isFalse();
    }

    @Test
    void titlesCountCodePointsAndRefuseControlCharacters() {
        assertThat(validCreate(EMOJI.repeat(200))).isTrue();
        assertThat(validCreate(EMOJI.repeat(201))).isFalse();
        assertThat(validCreate("milk\\n")).isFalse();
        assertThat(validCreate("a\\u0007b")).isFalse();
        assertThat(ItemTitles.problem(EMOJI.repeat(200))).isNull();
        assertThat(ItemTitles.problem("a\uD800b")).contains("lone surrogate");
        assertThat(ItemTitles.problem("a\uDC00")).contains("lone surrogate");
        assertThat(ItemTitles.problem("tab\there")).contains("control");
        assertThat(ItemTitles.problem(EMOJI.repeat(201))).contains("at most 200");
    }

    @Test
    void trailingContentAfterTheJsonValueIsRefused() {
        assertThatThrownBy(() -> Json.mapper().readTree("{\"userId\":\"alice\"} trailing"))
                .isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> Json.mapper().readTree("{\"userId\":\"alice\"}{}"))
                .isInstanceOf(JsonProcessingException.class);
    }

    private static boolean validSession(String userIdJson) {
        return SchemaValidator.instance().violations(MessageSchema.SESSION_REQUEST,
                "{\"userId\":\"" + userIdJson + "\"}").isEmpty();
    }

    private static boolean validUpdate(String version) {
        return SchemaValidator.instance().violations(MessageSchema.COMMAND, "{\"commandId\":\"" + ID
                + "\",\"type\":\"item.update\",\"entityId\":\"" + ID + "\",\"expectedVersion\":" + version
                + ",\"data\":{\"status\":\"done\"}}").isEmpty();
    }

    private static boolean validCreate(String titleJson) {
        return SchemaValidator.instance().violations(MessageSchema.COMMAND, "{\"commandId\":\"" + ID
                + "\",\"type\":\"item.create\",\"entityId\":\"" + ID + "\",\"data\":{\"title\":\"" + titleJson
                + "\"}}").isEmpty();
    }
}
