package dev.backchannel.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backchannel.schemas.Json;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** REST bodies use the contract's JSON mapping. */
@Singleton
public class JsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        Json.configure(mapper);
    }
}
