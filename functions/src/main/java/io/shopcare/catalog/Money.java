package io.shopcare.catalog;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** An amount in a currency; the amount travels as a decimal string, never a float. */
public record Money(BigDecimal amount, String currency) {

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("amount", amount.toPlainString());
        json.put("currency", currency);
        return json;
    }

    public static Money fromJson(Map<?, ?> json) {
        return new Money(new BigDecimal((String) json.get("amount")), (String) json.get("currency"));
    }

}
