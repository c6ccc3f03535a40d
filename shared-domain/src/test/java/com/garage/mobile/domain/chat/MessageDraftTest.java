package com.garage.mobile.domain.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.garage.mobile.domain.problem.ProblemException;
import org.junit.jupiter.api.Test;

class MessageDraftTest {

    @Test
    void textIsKeptVerbatimWithItsWhiteSpace() {
        String text = "  Is the noise\r\n fixed?  ";
        assertEquals(text, MessageDraft.typed(text).text());
        assertEquals(MessageKind.TEXT, MessageDraft.typed(text).kind());
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        String emoji = "\uD83D\uDE97".repeat(4000);
        assertEquals(emoji, MessageDraft.typed(emoji).text());
        assertThrows(ProblemException.class, () -> MessageDraft.typed(emoji + "a"));
        assertThrows(ProblemException.class, () -> MessageDraft.typed("a".repeat(4001)));
    }

    @Test
    void emptyOrBlankTextIsRefused() {
        assertThrows(ProblemException.class, () -> MessageDraft.typed(""));
        assertThrows(ProblemException.class, () -> MessageDraft.typed(" \n\t "));
    }

    @Test
    void quickRepliesAreThoseOfTheSendersSide() {
        MessageDraft question = MessageDraft.quick(QuickReply.WHEN_READY, true);
        assertEquals("When will it be ready?", question.text());
        assertEquals(MessageKind.QUICK_REPLY, question.kind());
        assertThrows(ProblemException.class, () -> MessageDraft.quick(QuickReply.WHEN_READY, false));
        assertThrows(ProblemException.class, () -> MessageDraft.quick(QuickReply.READY_FOR_PICKUP, true));
        assertThrows(ProblemException.class, () -> MessageDraft.of("Hi", QuickReply.CALL_ME, true));
        assertThrows(ProblemException.class, () -> MessageDraft.of(null, null, true));
        assertNull(MessageDraft.typed("Hi").quickReply());
    }

    @Test
    void attachmentsMayGoWithoutTextButNeverWithAQuickReply() {
        assertNull(MessageDraft.of(null, null, true, false).text());
        assertEquals(MessageKind.TEXT, MessageDraft.of(null, null, true, false).kind());
        assertEquals("Look", MessageDraft.of("Look", null, true, false).text());
        assertThrows(ProblemException.class, () -> MessageDraft.of(" ", null, true, false));
        assertThrows(ProblemException.class, () -> MessageDraft.of(null, QuickReply.CALL_ME, true, true));
        assertThrows(ProblemException.class, () -> MessageDraft.of(null, null, false, true));
    }
}
