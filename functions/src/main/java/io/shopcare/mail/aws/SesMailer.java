package io.shopcare.mail.aws;

import io.shopcare.concurrency.Backoff;
import io.shopcare.mail.Mailer;
import io.shopcare.mail.OutgoingEmail;
import io.shopcare.observability.Metrics;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.MessageHeader;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

/**
 * SES v2 simple send: the only send that carries our own {@code List-Unsubscribe} headers.
 * The client is built without SDK retries (a retried send may be a second e-mail); only answers
 * that prove the message was refused (4xx) are retried here or reported as {@link Mailer.NotSent}.
 */
public final class SesMailer implements Mailer {
    private static final int THROTTLE_ATTEMPTS = 4;
    private final SesV2Client ses;
    private final String from;
    private final String configurationSet;

    public SesMailer(SesV2Client ses, String from, String configurationSet) {
        this.ses = ses;
        this.from = from;
        this.configurationSet = configurationSet;
    }

    /** The one way handlers build it: SES v2 client, sender and configuration set from the template. */
    public static SesMailer fromEnvironment(io.shopcare.config.Environment env) {
        return new SesMailer(io.shopcare.clients.AwsClients.sesV2(env), env.require("SENDER_EMAIL"),
                env.require("CONFIGURATION_SET"));
    }

    @Override
    public String send(OutgoingEmail email) {
        List<MessageHeader> headers = new ArrayList<>();
        if (email.unsubscribeUrl() != null) {
            headers.add(MessageHeader.builder().name("List-Unsubscribe").value("<" + email.unsubscribeUrl() + ">").build());
            headers.add(MessageHeader.builder().name("List-Unsubscribe-Post").value("List-Unsubscribe=One-Click").build());
        }
        SendEmailRequest request = SendEmailRequest.builder()
                .fromEmailAddress(from)
                .destination(d -> d.toAddresses(email.to()))
                .configurationSetName(configurationSet)
                .content(c -> c.simple(m -> m
                        .subject(utf8(email.content().subject()))
                        .body(Body.builder().text(utf8(email.content().text())).html(utf8(email.content().html())).build())
                        .headers(headers)))
                .build();
        for (int attempt = 1; ; attempt++) {
            try {
                String messageId = ses.sendEmail(request).messageId();
                Metrics.count("EmailsSent", "Kind", email.content().kind(), 1);
                return messageId;
            } catch (SesV2Exception e) {
                int status = e.statusCode();
                boolean refused = status >= 400 && status < 500;
                if (!refused) {
                    throw e;
                }
                if (status != 429 || attempt == THROTTLE_ATTEMPTS) {
                    throw new NotSent("SES refused the message (" + status + ")", e);
                }
                Backoff.pause(attempt);
            }
        }
    }

    private static Content utf8(String text) {
        return Content.builder().data(text).charset("UTF-8").build();
    }
}
