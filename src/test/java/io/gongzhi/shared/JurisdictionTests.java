package io.gongzhi.shared;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JurisdictionTests {

    static final RegionPath YULIN = RegionPath.of("/5101/510107/510107005");
    static final RegionPath YULIN_NORTH = RegionPath.of("/5101/510107/510107005/510107005001");
    static final RegionPath JINJIANG = RegionPath.of("/5101/510104");

    @Test
    void aPathCoversItselfAndWhatLiesBelowButNotANeighbourWithTheSamePrefix() {
        assertThat(YULIN.covers("/5101/510107/510107005")).isTrue();
        assertThat(YULIN.covers("/5101/510107/510107005/510107005001/510107005001g0001")).isTrue();
        assertThat(YULIN.covers("/5101/510107/5101070050")).as("a longer code, not a child").isFalse();
        assertThat(YULIN.covers("/5101/510107")).isFalse();
        assertThat(RegionPath.ROOT.covers("/5201")).isTrue();
    }

    @Test
    void aPathKnowsItsDepthAndItsAncestors() {
        assertThat(RegionPath.ROOT.depth()).isZero();
        assertThat(JINJIANG.depth()).isEqualTo(2);
        assertThat(YULIN_NORTH.depth()).isEqualTo(4);
        assertThat(YULIN_NORTH.ancestor(1)).isEqualTo("/5101");
        assertThat(YULIN_NORTH.ancestor(2)).isEqualTo("/5101/510107");
        assertThat(YULIN_NORTH.ancestor(3)).isEqualTo(YULIN.value());
        assertThat(YULIN_NORTH.ancestor(4)).as("itself at its own depth").isEqualTo(YULIN_NORTH.value());
        assertThat(YULIN.ancestor(4)).as("a sub-district has no community above it").isNull();
    }

    @Test
    void eachPlaceIsItsOwnConditionOnTheAreaColumnsDownToItsLevelWhereThereAreSome() {
        var j = new Jurisdiction(Set.of(YULIN, JINJIANG, RegionPath.of("/5101/510107/510107009/510107009001/510107009001g0003")), Set.of());
        var clauses = j.eachPlace("c.path", java.util.Map.of(3, "c.subdistrict_path", 2, "c.district_path"));
        assertThat(clauses).extracting(Jurisdiction.Clause::sql)
                .containsExactly("(c.district_path = :ja0_2)", "(c.district_path = :ja1_2 and c.subdistrict_path = :ja1_3)",
                        "(c.path like :jx2 and (c.path = :jp2 or c.path like :jl2))");
        assertThat(clauses.get(0).params()).containsExactly(java.util.Map.entry("ja0_2", JINJIANG.value()));
        assertThat(clauses.get(1).params()).containsEntry("ja1_2", "/5101/510107").containsEntry("ja1_3", YULIN.value());
        assertThat(clauses.get(2).params()).containsEntry("jl2", "/5101/510107/510107009/510107009001/510107009001g0003/%");
        assertThat(Jurisdiction.EVERYWHERE.eachPlace("c.path", java.util.Map.of()))
                .extracting(Jurisdiction.Clause::sql).containsExactly("1 = 1");
        assertThat(Jurisdiction.NONE.eachPlace("c.path", java.util.Map.of())).isEmpty();
    }

    @Test
    void malformedPathsAreRefused() {
        for (String bad : new String[] {"", "5101", "/5101/", "/51 01", "/5101/%", "/5101/_x", "//5101"}) {
            assertThatThrownBy(() -> RegionPath.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void placesInsideOtherPlacesAddNothing() {
        var j = new Jurisdiction(Set.of(YULIN, YULIN_NORTH, JINJIANG), Set.of());
        assertThat(j.paths()).containsExactlyInAnyOrder(YULIN, JINJIANG);
    }

    @Test
    void theWayDownIsVisibleButNotTheNeighbours() {
        var j = Jurisdiction.of(YULIN_NORTH);
        assertThat(j.leadsTo("/5101")).isTrue();
        assertThat(j.leadsTo("/5101/510107/510107005")).isTrue();
        assertThat(j.covers("/5101/510107/510107005")).isFalse();
        assertThat(j.leadsTo("/5101/510107/510107005/510107005002")).isFalse();
        assertThat(j.leadsTo("/5101/510104")).isFalse();
    }

    @Test
    void theSqlConditionBindsEveryPathAndSplicesNone() {
        var clause = new Jurisdiction(Set.of(YULIN, JINJIANG), Set.of()).where("r.path");
        assertThat(clause.sql()).isEqualTo("((r.path like :jx0 and (r.path = :jp0 or r.path like :jl0)) "
                        + "or (r.path like :jx1 and (r.path = :jp1 or r.path like :jl1)))")
                .doesNotContain("5101");
        assertThat(clause.params()).containsEntry("jx0", JINJIANG.value() + "%").containsEntry("jp0", JINJIANG.value())
                .containsEntry("jl0", JINJIANG.value() + "/%")
                .containsEntry("jp1", YULIN.value()).containsEntry("jl1", YULIN.value() + "/%");
        assertThat(Jurisdiction.NONE.where("path").sql()).isEqualTo("1 = 0");
        assertThat(Jurisdiction.EVERYWHERE.where("path").sql()).isEqualTo("1 = 1");
        assertThat(new Jurisdiction(Set.of(), Set.of("water", "city-management")).whereDepartment("c.department").sql())
                .isEqualTo("c.department in (:jd0, :jd1)");
    }

    @Test
    void narrowingToANodeKeepsOnlyWhatIsInside() {
        var j = new Jurisdiction(Set.of(YULIN_NORTH, JINJIANG), Set.of());
        assertThat(j.narrowTo(RegionPath.of("/5101/510107")).paths()).containsExactly(YULIN_NORTH);
        assertThat(j.narrowTo(RegionPath.of("/5101/510104/510104020")).paths()).containsExactly(RegionPath.of("/5101/510104/510104020"));
        assertThat(j.narrowTo(RegionPath.of("/5101/510108")).isEmpty()).isTrue();
    }

    @Test
    void anOutsideIdAnswersLikeAMissingOne() {
        var j = Jurisdiction.of(YULIN);
        assertThatThrownBy(() -> j.require(JINJIANG.value(), "thing.not-found", "thing 7"))
                .isInstanceOf(NotFound.class).hasMessage("thing 7 not found");
    }

    @Test
    void scopedSqlWithoutItsPlaceholderIsRefused() {
        assertThatThrownBy(() -> Scoped.query(null, Jurisdiction.EVERYWHERE, "path", "select * from population_resident"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{scope}");
    }
}
