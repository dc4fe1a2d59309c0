package io.shopcare.alerts.aws;

import io.shopcare.alerts.LinkTokens;
import io.shopcare.alerts.Links;
import io.shopcare.clients.AwsClients;
import io.shopcare.config.Environment;

/** The one way handlers build the links e-mails carry: base URLs from the template, keys from the signing secret. */
public final class EmailLinks {
    private EmailLinks() {
    }

    public static Links fromEnvironment(Environment env) {
        return new Links(env.require("API_BASE_URL"), env.require("STOREFRONT_URL"),
                new LinkTokens(AwsClients.signingKeys(env)));
    }
}
