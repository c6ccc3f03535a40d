package com.garage.mobile.testing.abuse;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The operations the running BFF publishes at {@code /q/openapi}: the abuse suite's list, never a hand-kept one. */
public final class OpenApiDocument {

    private final JsonNode document;

    private OpenApiDocument(JsonNode document) {
        this.document = document;
    }

    public static OpenApiDocument fetch() {
        String json = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        try {
            return new OpenApiDocument(new ObjectMapper().readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The OpenAPI document is not JSON", e);
        }
    }

    /** Every operation under {@code /api/}. */
    public List<ApiOperation> operations() {
        List<ApiOperation> operations = new ArrayList<>();
        document.path("paths").properties().forEach(path -> {
            if (path.getKey().startsWith("/api/")) {
                path.getValue().properties().forEach(operation -> operations.add(operation(path.getKey(),
                        operation.getKey().toUpperCase(Locale.ROOT), operation.getValue())));
            }
        });
        return operations;
    }

    private ApiOperation operation(String path, String method, JsonNode operation) {
        List<String> pathParameters = new ArrayList<>();
        List<String> queryParameters = new ArrayList<>();
        boolean takesVersion = false;
        for (JsonNode parameter : operation.path("parameters")) {
            String name = parameter.path("name").asText();
            takesVersion |= parameter.path("in").asText().equals("header") && name.equalsIgnoreCase("If-Match");
            if (parameter.path("in").asText().equals("path")) {
                pathParameters.add(name);
            } else if (parameter.path("in").asText().equals("query")
                    && resolve(parameter.path("schema")).path("type").asText().equals("string")) {
                queryParameters.add(name);
            }
        }
        pathParameters.sort(Comparator.comparingInt(name -> path.indexOf("{" + name + "}")));
        JsonNode body = null;
        String rawBodyType = null;
        JsonNode content = operation.path("requestBody").path("content");
        if (content.has("application/json")) {
            body = resolveDeep(content.path("application/json").path("schema"));
        } else if (!content.isEmpty()) {
            rawBodyType = content.properties().iterator().next().getKey();
        }
        return new ApiOperation(method, path, pathParameters, queryParameters, body, takesVersion, rawBodyType);
    }

    /** A schema with every {@code $ref} replaced by what it names. */
    private JsonNode resolveDeep(JsonNode schema) {
        JsonNode resolved = resolve(schema).deepCopy();
        if (resolved instanceof ObjectNode object) {
            if (object.has("properties")) {
                ObjectNode properties = object.putObject("properties");
                resolve(schema).path("properties").properties()
                        .forEach(property -> properties.set(property.getKey(), resolveDeep(property.getValue())));
            }
            if (object.has("items")) {
                object.set("items", resolveDeep(object.path("items")));
            }
        }
        return resolved;
    }

    private JsonNode resolve(JsonNode schema) {
        if (!schema.has("$ref")) {
            return schema;
        }
        String ref = schema.path("$ref").asText();
        return resolve(document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1)));
    }
}
