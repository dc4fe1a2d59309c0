package io.shopcare.catalog;

import io.shopcare.http.JsonInput;
import java.math.BigDecimal;
import java.util.Currency;
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

    /** Reads and validates {@code {"amount": "49.90", "currency": "EUR"}}; null (with problems recorded) if invalid. */
    static Money read(JsonInput object) {
        if (object == null) {
            return null;
        }
        object.allowOnly("amount", "currency");
        String currencyCode = object.requiredMatching("currency", "[A-Z]{3}", "must be an ISO 4217 code such as EUR");
        String amountText = object.requiredMatching("amount", "(0|[1-9][0-9]{0,8})(\\.[0-9]{1,4})?",
                "must be a decimal string such as \"49.90\"");
        Currency currency = null;
        if (currencyCode != null) {
            try {
                currency = Currency.getInstance(currencyCode);
            } catch (IllegalArgumentException e) {
                object.problem("currency", "is not a known ISO 4217 currency");
            }
        }
        if (amountText == null || currency == null) {
            return null;
        }
        BigDecimal amount = new BigDecimal(amountText);
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        if (amount.scale() > digits) {
            object.problem("amount", "must have at most " + digits + " decimal places for " + currencyCode);
            return null;
        }
        return new Money(amount.setScale(digits), currencyCode);
    }
}
