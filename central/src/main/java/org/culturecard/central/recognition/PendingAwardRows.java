package org.culturecard.central.recognition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.culturecard.central.ingest.PendingAwards;
import org.culturecard.central.store.Transactions;
import org.culturecard.core.rules.Achievement;
import org.culturecard.core.rules.Catalogue;
import org.culturecard.core.rules.Pathway;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.wire.BatchAck;
import org.culturecard.core.wire.PendingAward;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The awards not shown yet ({@code shown_at IS NULL}) of the canonical people of a batch's tokens, in one query
 * with each person's goal and held achievements (ADR 0037), for the batch's ack. A failure logs and answers none:
 * the awards stay pending and go with a later ack.
 */
public final class PendingAwardRows implements PendingAwards {
    private static final Logger LOG = LoggerFactory.getLogger(PendingAwardRows.class);
    private static final Pattern RELATIVE_IMAGE = Pattern.compile("^[A-Za-z0-9._/-]{1,200}$");
    private static final String SELECT = """
            SELECT p.token, a.achievement_id, a.shown_at IS NULL, g.pathway_id
            FROM people p
            JOIN awards a ON a.person_id = coalesce(p.canonical_id, p.person_id)
            LEFT JOIN recognition_goals g ON g.person_id = a.person_id
            WHERE p.token = ANY (?)
              AND (a.shown_at IS NULL OR g.pathway_id IS NOT NULL)
            ORDER BY p.token, a.achievement_id""";

    private final DataSource dataSource;
    private final AchievementBook book;

    public PendingAwardRows(DataSource dataSource, AchievementBook book) {
        this.dataSource = dataSource;
        this.book = book;
    }

    @Override
    public List<PendingAward> of(Collection<Token> tokens) {
        if (tokens.isEmpty()) {
            return List.of();
        }
        try {
            return Transactions.run(dataSource, connection -> read(connection, tokens));
        } catch (SQLException | RuntimeException e) {
            LOG.warn("pending awards not read, they go with a later ack: {}", e.getMessage());
            return List.of();
        }
    }

    private List<PendingAward> read(Connection connection, Collection<Token> tokens) throws SQLException {
        Map<String, Set<String>> held = new HashMap<>();
        Map<String, String> goal = new HashMap<>();
        List<String[]> pending = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setArray(1, connection.createArrayOf("text", tokens.stream().map(Token::value).distinct().toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String token = rs.getString(1);
                    held.computeIfAbsent(token, t -> new HashSet<>()).add(rs.getString(2));
                    if (rs.getString(4) != null) {
                        goal.put(token, rs.getString(4));
                    }
                    if (rs.getBoolean(3)) {
                        pending.add(new String[] {token, rs.getString(2)});
                    }
                }
            }
        }
        Catalogue catalogue = book.catalogue();
        List<PendingAward> awards = new ArrayList<>();
        for (String[] row : pending) {
            if (awards.size() == BatchAck.MAX_AWARDS) {
                break;
            }
            Optional<Achievement> achievement = catalogue.achievement(row[1]);
            String name = achievement.map(Achievement::name).orElse(row[1]);
            String image = achievement.map(Achievement::image).filter(i -> RELATIVE_IMAGE.matcher(i).matches()).orElse(null);
            PendingAward award = PendingAward.of(Token.of(row[0]), row[1], Map.of("en", name), image);
            Optional<Pathway> pathway = Optional.ofNullable(goal.get(row[0])).flatMap(catalogue::pathway);
            if (pathway.isPresent()) {
                Pathway.Progress progress = pathway.get().progress(held.get(row[0]));
                award = award.withProgress(progress.done(), progress.total(), progress.name());
            }
            awards.add(award);
        }
        return awards;
    }
}
