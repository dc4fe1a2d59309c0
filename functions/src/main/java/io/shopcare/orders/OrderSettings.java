package io.shopcare.orders;

/**
 * The shop's order terms, from template parameters (orders.md marks them "(parameter)").
 * {@code paymentPageUrl} contains {@code {orderId}}; {@code storefrontUrl} is where order pages live.
 */
public record OrderSettings(int cardPaymentMinutes, int transferPaymentHours, int paymentReminderHours,
                            String paymentPageUrl, String bankAccountIban, String storefrontUrl, int returnDays,
                            int damageReportDays) {

    public String paymentUrl(String orderId) {
        return paymentPageUrl.replace("{orderId}", orderId);
    }

    /** The storefront's order page; the token rides in the fragment, which never reaches a server log. */
    public String orderPageUrl(String orderId, String accessToken) {
        return storefrontUrl.replaceAll("/+$", "") + "/orders/" + orderId + "#token=" + accessToken;
    }
}
