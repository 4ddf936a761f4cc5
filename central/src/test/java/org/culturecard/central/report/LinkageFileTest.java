package org.culturecard.central.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkageFileTest {

    private static final String TOKEN = "ab".repeat(32);

    @Test
    void readsTokensWithOptionalAttributes() {
        List<LinkageRow> rows = LinkageFile.parse(new StringReader(LinkageFile.HEADER + "\n" + TOKEN + ",11-15,3,yes\n"
                + "cd".repeat(32) + ",,,\n"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).ageBand()).isEqualTo("11-15");
        assertThat(rows.get(0).imdDecile()).isEqualTo(3);
        assertThat(rows.get(0).pupilPremium()).isTrue();
        assertThat(rows.get(1).imdDecile()).isNull();
    }

    @Test
    void namesTheLineButNeverTheTokenOfABadLine() {
        assertThatThrownBy(() -> LinkageFile.parse(new StringReader(LinkageFile.HEADER + "\n" + TOKEN + ",11-15,11,no\n")))
                .hasMessageContaining("line 2").hasMessageNotContaining(TOKEN);
        assertThatThrownBy(() -> LinkageFile.parse(new StringReader(LinkageFile.HEADER + "\n" + TOKEN + ",x,1,no\n"
                + TOKEN + ",x,1,no\n"))).hasMessageContaining("line 3").hasMessageNotContaining(TOKEN);
        assertThatThrownBy(() -> LinkageFile.parse(new StringReader("uid,age\n"))).hasMessageContaining("header");
        assertThat(new LinkageRow(TOKEN, null, null, null).toString()).doesNotContain(TOKEN);
    }
}
