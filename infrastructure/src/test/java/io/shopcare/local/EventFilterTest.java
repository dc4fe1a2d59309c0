package io.shopcare.local;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shopcare.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** FilterCriteria patterns against records in the JSON form Lambda filters (keys AND, values OR). */
class EventFilterTest {
    private static final Map<String, Object> PRODUCT_INSERT = record("""
            {"eventName": "INSERT", "eventSource": "aws:dynamodb",
             "dynamodb": {"Keys": {"pk": {"S": "PRODUCT#p1"}, "sk": {"S": "PRODUCT"}},
                          "NewImage": {"pk": {"S": "PRODUCT#p1"}, "sk": {"S": "PRODUCT"}, "version": {"N": "7"},
                                       "phase": {"S": "HANDOFF"}, "tags": {"SS": ["red", "sale"]},
                                       "published": {"BOOL": true}}}}""");

    @Test
    void theTemplatesPatternsMatchWhatTheyShouldAndNothingElse() {
        EventFilter projector = filter("{\"dynamodb\": {\"Keys\": {\"sk\": {\"S\": [\"PRODUCT\", {\"prefix\": \"LOC#\"}]}}}}");
        assertTrue(projector.matches(PRODUCT_INSERT));
        assertTrue(projector.matches(keys("LOCATION", "LOC#prague")));
        assertFalse(projector.matches(keys("SKU#A", "OWNER")), "stock-owner rows are skipped");

        EventFilter notices = filter("{\"eventName\": [\"INSERT\"], \"dynamodb\": {\"Keys\": {\"pk\": {\"S\": [{\"prefix\": \"MERCHANT#\"}]}}}}");
        assertTrue(notices.matches(record("{\"eventName\": \"INSERT\", \"dynamodb\": {\"Keys\": {\"pk\": {\"S\": \"MERCHANT#1\"}}}}")));
        assertFalse(notices.matches(record("{\"eventName\": \"MODIFY\", \"dynamodb\": {\"Keys\": {\"pk\": {\"S\": \"MERCHANT#1\"}}}}")),
                "keys AND: the event name must match too");
        assertFalse(notices.matches(PRODUCT_INSERT));
    }

    @Test
    void valuesOfOneKeyOrAndPatternsOr() {
        EventFilter either = filter("{\"eventName\": [\"MODIFY\", \"INSERT\"]}");
        assertTrue(either.matches(PRODUCT_INSERT));
        assertFalse(either.matches(record("{\"eventName\": \"REMOVE\"}")));

        EventFilter twoPatterns = new EventFilter(List.of("{\"eventName\": [\"REMOVE\"]}",
                "{\"dynamodb\": {\"NewImage\": {\"phase\": {\"S\": [\"HANDOFF\"]}}}}"));
        assertTrue(twoPatterns.matches(PRODUCT_INSERT), "the second pattern matches");
        assertTrue(twoPatterns.matches(record("{\"eventName\": \"REMOVE\"}")), "the first pattern matches");
        assertFalse(twoPatterns.matches(record("{\"eventName\": \"MODIFY\"}")));
        assertTrue(new EventFilter(List.of()).matches(PRODUCT_INSERT), "no filter lets everything through");
    }

    @Test
    void prefixSuffixAndIgnoringCaseLookAtStrings() {
        assertTrue(filter("{\"dynamodb\": {\"Keys\": {\"pk\": {\"S\": [{\"prefix\": \"PRODUCT#\"}]}}}}").matches(PRODUCT_INSERT));
        assertFalse(filter("{\"dynamodb\": {\"Keys\": {\"pk\": {\"S\": [{\"prefix\": \"product#\"}]}}}}").matches(PRODUCT_INSERT),
                "prefix is case-sensitive");
        assertTrue(filter("{\"dynamodb\": {\"Keys\": {\"pk\": {\"S\": [{\"suffix\": \"#p1\"}]}}}}").matches(PRODUCT_INSERT));
        assertTrue(filter("{\"eventName\": [{\"equals-ignore-case\": \"insert\"}]}").matches(PRODUCT_INSERT));
        assertFalse(filter("{\"eventName\": [\"insert\"]}").matches(PRODUCT_INSERT), "plain values are case-sensitive");
    }

    @Test
    void existsLooksAtLeafFieldsOnly() {
        assertTrue(filter("{\"dynamodb\": {\"NewImage\": {\"phase\": {\"S\": [{\"exists\": true}]}}}}").matches(PRODUCT_INSERT));
        assertFalse(filter("{\"dynamodb\": {\"NewImage\": {\"phase\": [{\"exists\": true}]}}}").matches(PRODUCT_INSERT),
                "phase is an object ({\"S\": ...}), not a leaf");
        assertTrue(filter("{\"dynamodb\": {\"NewImage\": {\"gone\": {\"S\": [{\"exists\": false}]}}}}").matches(PRODUCT_INSERT));
        assertFalse(filter("{\"dynamodb\": {\"NewImage\": {\"phase\": {\"S\": [{\"exists\": false}]}}}}").matches(PRODUCT_INSERT));
        assertFalse(filter("{\"dynamodb\": {\"OldImage\": {\"phase\": {\"S\": [{\"exists\": true}]}}}}").matches(PRODUCT_INSERT),
                "an INSERT has no old image");
    }

    @Test
    void anythingButExcludesValuesOrAPrefixAndNeedsTheField() {
        assertTrue(filter("{\"eventName\": [{\"anything-but\": [\"REMOVE\", \"MODIFY\"]}]}").matches(PRODUCT_INSERT));
        assertFalse(filter("{\"eventName\": [{\"anything-but\": \"INSERT\"}]}").matches(PRODUCT_INSERT));
        assertFalse(filter("{\"eventName\": [{\"anything-but\": {\"prefix\": \"INS\"}}]}").matches(PRODUCT_INSERT));
        assertTrue(filter("{\"eventName\": [{\"anything-but\": {\"prefix\": \"MOD\"}}]}").matches(PRODUCT_INSERT));
        assertFalse(filter("{\"missing\": [{\"anything-but\": \"x\"}]}").matches(PRODUCT_INSERT), "absent is not anything");
    }

    @Test
    void numericComparesJsonNumbersAndNotTheStringsOfDynamoDbNumbers() {
        Map<String, Object> withNumber = record("{\"detail\": {\"quantity\": 7, \"price\": 19.5}}");
        assertTrue(filter("{\"detail\": {\"quantity\": [{\"numeric\": [\">\", 0, \"<=\", 7]}]}}").matches(withNumber));
        assertFalse(filter("{\"detail\": {\"quantity\": [{\"numeric\": [\">\", 7]}]}}").matches(withNumber));
        assertTrue(filter("{\"detail\": {\"price\": [{\"numeric\": [\"=\", 19.50]}]}}").matches(withNumber));
        assertTrue(filter("{\"detail\": {\"quantity\": [7]}}").matches(withNumber), "an exact number");
        // A DynamoDB N value is a JSON string in the record, so numeric rules and numbers do not match it (as in AWS).
        assertFalse(filter("{\"dynamodb\": {\"NewImage\": {\"version\": {\"N\": [{\"numeric\": [\">\", 1]}]}}}}")
                .matches(PRODUCT_INSERT));
        assertFalse(filter("{\"dynamodb\": {\"NewImage\": {\"version\": {\"N\": [7]}}}}").matches(PRODUCT_INSERT));
        assertTrue(filter("{\"dynamodb\": {\"NewImage\": {\"version\": {\"N\": [\"7\"]}}}}").matches(PRODUCT_INSERT));
    }

    @Test
    void nestedFieldsArraysAndBooleansMatch() {
        assertTrue(filter("{\"dynamodb\": {\"NewImage\": {\"tags\": {\"SS\": [\"sale\"]}}}}").matches(PRODUCT_INSERT),
                "an array in the record matches when any element does");
        assertFalse(filter("{\"dynamodb\": {\"NewImage\": {\"tags\": {\"SS\": [\"blue\"]}}}}").matches(PRODUCT_INSERT));
        assertTrue(filter("{\"dynamodb\": {\"NewImage\": {\"published\": {\"BOOL\": [true]}}}}").matches(PRODUCT_INSERT));
        assertFalse(filter("{\"dynamodb\": {\"NewImage\": {\"published\": {\"BOOL\": [\"true\"]}}}}").matches(PRODUCT_INSERT),
                "the string \"true\" is not the boolean");
        assertFalse(filter("{\"dynamodb\": {\"Keys\": [\"PRODUCT\"]}}").matches(PRODUCT_INSERT), "values never match objects");
        assertTrue(filter("{\"detail\": {\"gone\": [null]}}").matches(record("{\"detail\": {\"gone\": null}}")));
    }

    @Test
    void patternsAwsWouldRefuseFailWhenTheFilterIsBuilt() {
        assertRejected("{\"eventName\": \"INSERT\"}", "must be an array");
        assertRejected("{\"eventName\": [{\"wildcard\": \"IN*\"}]}", "unsupported rule");
        assertRejected("{\"eventName\": [{\"prefix\": 5}]}", "malformed rule");
        assertRejected("{\"n\": [{\"numeric\": [\">\"]}]}", "malformed rule");
        assertRejected("{\"n\": [{\"numeric\": [\"~\", 5]}]}", "malformed rule");
        assertRejected("{\"n\": []}", "no values");
        assertRejected("not json", "not a JSON object");
    }

    private static void assertRejected(String pattern, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> filter(pattern));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    private static EventFilter filter(String pattern) {
        return new EventFilter(List.of(pattern));
    }

    private static Map<String, Object> keys(String pk, String sk) {
        return record("{\"eventName\": \"MODIFY\", \"dynamodb\": {\"Keys\": {\"pk\": {\"S\": \"" + pk + "\"}, \"sk\": {\"S\": \""
                + sk + "\"}}}}");
    }

    private static Map<String, Object> record(String json) {
        return Json.parseObject(json);
    }
}
