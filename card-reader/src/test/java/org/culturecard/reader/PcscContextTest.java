package org.culturecard.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminals;
import org.junit.jupiter.api.Test;
import org.culturecard.reader.internal.PcscContext;

class PcscContextTest {
    private final FakePcsc pcscd = new FakePcsc();
    private final PcscContext context = new PcscContext(pcscd);

    @Test
    void establishesAContextOnFirstUseAndKeepsIt() {
        assertThat(context.isEstablished()).isFalse();
        assertThat(pcscd.contextsEstablished()).isZero();

        CardTerminals first = context.terminals();

        assertThat(context.terminals()).isSameAs(first);
        assertThat(context.isEstablished()).isTrue();
        assertThat(pcscd.contextsEstablished()).isEqualTo(1);
    }

    @Test
    void aDroppedContextIsReplacedByANewOneOnTheNextUse() {
        CardTerminals before = context.terminals();

        context.drop();

        assertThat(context.isEstablished()).isFalse();
        assertThat(context.terminals()).isNotSameAs(before);
        assertThat(pcscd.contextsEstablished()).isEqualTo(2);
    }

    @Test
    void whilePcscdIsDownEveryUseTriesAgainAndTheFirstAfterItsReturnSucceeds() {
        pcscd.stop();

        assertThatThrownBy(context::terminals).isInstanceOf(IllegalStateException.class).hasMessageContaining("SCARD_E_NO_SERVICE");
        assertThatThrownBy(context::terminals).isInstanceOf(IllegalStateException.class);
        assertThat(context.isEstablished()).isFalse();

        pcscd.start();

        assertThat(context.terminals()).isNotNull();
        assertThat(context.isEstablished()).isTrue();
    }

    @Test
    void aContextFromBeforeARestartStaysDeadUntilDropped() throws CardException {
        pcscd.attach("Test Reader 00 00");
        CardTerminals old = context.terminals();
        pcscd.stop();
        pcscd.start();

        assertThatThrownBy(old::list).isInstanceOf(CardException.class);
        context.drop();

        assertThat(context.terminals().list()).hasSize(1);
    }

    @Test
    void describesAFailureByItsRootCauseWithoutTheWrappers() {
        Exception wrapped = new IllegalStateException("outer",
                new CardException("middle", new IllegalArgumentException("SCardConnect got response 0x80100069")));

        assertThat(PcscContext.describe(wrapped)).isEqualTo("IllegalArgumentException: SCardConnect got response 0x80100069");
        assertThat(PcscContext.describe(new CardException("plain"))).isEqualTo("CardException: plain");
    }
}
