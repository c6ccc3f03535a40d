package com.garage.mobile.domain.chat;

import com.garage.mobile.domain.problem.ProblemException;

/**
 * What a person sends: their own text (kept verbatim) or a quick reply, whose text is the
 * catalogue's; with attachments the text may be left out.
 *
 * @param text       null for attachments alone
 * @param quickReply null for typed text
 */
public record MessageDraft(String text, QuickReply quickReply) {

    public static final int MAX_LENGTH = 4000;

    /** Typed text: 1 to 4000 characters (code points), not only white space; never trimmed. */
    public static MessageDraft typed(String text) {
        int length = text.codePointCount(0, text.length());
        if (length < 1 || length > MAX_LENGTH || text.isBlank()) {
            throw ProblemException.invalidField("text", "must be 1 to " + MAX_LENGTH
                    + " characters and not only white space");
        }
        return new MessageDraft(text, null);
    }

    /** A quick reply from the catalogue of the sender's side (customers' questions, staff's answers). */
    public static MessageDraft quick(QuickReply reply, boolean customer) {
        if (reply.forCustomers() != customer) {
            throw ProblemException.invalidField("quickReply", "is not a quick reply offered to you");
        }
        return new MessageDraft(reply.text(), reply);
    }

    /** Either text or a quick reply, not both. */
    public static MessageDraft of(String text, QuickReply reply, boolean customer) {
        return of(text, reply, false, customer);
    }

    /** With attachments: optional typed text, never a quick reply; without: either text or a quick reply. */
    public static MessageDraft of(String text, QuickReply reply, boolean withAttachments, boolean customer) {
        if (withAttachments && reply != null) {
            throw ProblemException.invalidField("quickReply", "a quick reply carries no attachments");
        }
        if (withAttachments) {
            return text == null ? new MessageDraft(null, null) : typed(text);
        }
        if ((text == null) == (reply == null)) {
            throw ProblemException.invalidField("text", "send either text or a quickReply");
        }
        return text != null ? typed(text) : quick(reply, customer);
    }

    public MessageKind kind() {
        return quickReply == null ? MessageKind.TEXT : MessageKind.QUICK_REPLY;
    }
}
