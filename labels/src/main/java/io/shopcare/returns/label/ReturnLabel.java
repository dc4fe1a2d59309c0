package io.shopcare.returns.label;

import io.shopcare.mail.Language;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything a printed return label shows, in the domain's terms: which return (its id and the
 * code the carrier scans), which order, which carrier takes the parcel, where it goes (the shop's
 * return address, a template parameter) and where it comes from (the customer), what is inside,
 * when the return was made, and the language of the wording (the order's).
 *
 * @param returnCode what the barcode encodes and the carrier scans: printable ASCII, 1–40 characters
 * @param shopAddress the shop's return address, one printed line each (first line: the name)
 * @param customerAddress the customer's address, one printed line each (the name comes separately)
 */
public record ReturnLabel(String returnId, String returnCode, String orderId, String carrier,
                          List<String> shopAddress, String customerName, List<String> customerAddress,
                          List<Line> lines, Instant createdAt, Language language) {

    /** One returned line: what it is, which variant (size and colour as the order shows them), how many. */
    public record Line(String name, String size, String colour, int quantity) {
        public Line {
            Objects.requireNonNull(name, "name");
            if (quantity < 1) {
                throw new IllegalArgumentException("a returned line has at least one unit");
            }
        }

        /** "M / red", "M", "red" or "" when the product has no variants. */
        public String variant() {
            if (size == null || size.isBlank()) {
                return colour == null ? "" : colour;
            }
            return colour == null || colour.isBlank() ? size : size + " / " + colour;
        }
    }

    public ReturnLabel {
        Objects.requireNonNull(returnId, "returnId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(customerName, "customerName");
        Objects.requireNonNull(createdAt, "createdAt");
        if (returnCode == null || !returnCode.matches("[\\x20-\\x7E]{1,40}") || returnCode.isBlank()) {
            throw new IllegalArgumentException("a return code is 1-40 printable ASCII characters (Code 128)");
        }
        if (shopAddress == null || shopAddress.isEmpty()) {
            throw new IllegalArgumentException("the shop's return address is needed: it is where the parcel goes");
        }
        shopAddress = List.copyOf(shopAddress);
        customerAddress = customerAddress == null ? List.of() : List.copyOf(customerAddress);
        lines = lines == null ? List.of() : List.copyOf(lines);
        language = language == null ? Language.EN : language;
    }
}
