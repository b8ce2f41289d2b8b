package io.gongzhi.emergency;

import io.gongzhi.emergency.internal.DirectiveProgress;
import io.gongzhi.emergency.internal.Directives;
import io.gongzhi.emergency.internal.DutyRosters;
import io.gongzhi.emergency.internal.PropertyCompanies;
import io.gongzhi.emergency.internal.SilenceEscalation;
import io.gongzhi.geography.Hierarchy;
import io.gongzhi.geography.Level;
import io.gongzhi.geography.Unit;
import io.gongzhi.identity.Accounts;
import io.gongzhi.identity.Notices;
import io.gongzhi.identity.Role;
import io.gongzhi.identity.internal.AccountForm;
import io.gongzhi.shared.Actor;
import io.gongzhi.shared.InvalidInput;
import io.gongzhi.shared.Jurisdiction;
import io.gongzhi.shared.NotFound;
import io.gongzhi.shared.NotPermitted;
import io.gongzhi.shared.RegionPath;
import io.gongzhi.shared.Violation;
import io.gongzhi.support.PopulationFixture;
import io.gongzhi.support.TestAccounts;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The command chain's people: a unit's roster is kept by the places above it and read with phones
 * masked (in full only with a reason, audited); property companies are registered with a valid
 * credit code and serve the compounds they are bound to; a compound contact's account receives for
 * compounds only and acknowledges for its compound; a silent unit's parent hears through the
 * accounts on its roster, by SMS where nobody on it has one; the progress names whom to call.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EmergencyRosterTests {

    static final String COMMUNITY = PopulationFixture.INSIDE;
    static final AtomicInteger SERIAL = new AtomicInteger();

    @Autowired
    DutyRosters rosters;
    @Autowired
    PropertyCompanies companies;
    @Autowired
    Directives directives;
    @Autowired
    io.gongzhi.emergency.internal.Answers answers;
    @Autowired
    DirectiveProgress progress;
    @Autowired
    SilenceEscalation escalation;
    @Autowired
    Hierarchy hierarchy;
    @Autowired
    Accounts accounts;
    @Autowired
    Notices notices;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    Unit grid;
    Unit compound;

    static Actor staff(String path, String... permissions) {
        return new Actor(null, "roster-test", Set.of("COMMUNITY_WORKER"), Set.of(permissions), Jurisdiction.of(RegionPath.of(path)));
    }

    @BeforeEach
    void grids() {
        PopulationFixture.ensure(context);
        grid = hierarchy.children(COMMUNITY).stream().filter(u -> u.level() == Level.GRID).findFirst().orElseThrow();
        compound = hierarchy.children(grid.code()).get(0);
    }

    Actor community() {
        return staff(hierarchy.unit(COMMUNITY).path(), "emergency.read", "roster.manage", "roster.unmask", "directive.issue");
    }

    @Test
    void aUnitsRosterIsKeptByThePlacesAboveItAndReadWithPhonesMasked() {
        var added = rosters.add(new DutyRosters.Entry(compound.code(), "property_staff", " 黄磊 ", "138 1234 5678", null, null), community());
        assertThat(added.name()).isEqualTo("黄磊");
        assertThat(added.phoneMask()).isEqualTo("138****5678");
        assertThat(rosters.of(compound.code(), community())).extracting(DutyRosters.Contact::id).contains(added.id());
        assertThat(jdbc.sql("select phone_sealed from emergency_duty where id = ?").param(added.id()).query(String.class).single())
                .as("the number is not stored in clear").doesNotContain("13812345678").doesNotContain("5678");

        var neighbour = staff(hierarchy.unit(PopulationFixture.OUTSIDE).path(), "emergency.read", "roster.manage");
        assertThatThrownBy(() -> rosters.of(compound.code(), neighbour)).as("another community's compound answers as absent")
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> rosters.add(new DutyRosters.Entry(compound.code(), "VOLUNTEER", "李四", "13900002222", null, null), neighbour))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations()).extracting(Violation::where).containsExactly("unit"));
        assertThatThrownBy(() -> rosters.remove(added.id(), neighbour)).isInstanceOf(NotFound.class);

        long before = jdbc.sql("select count(*) from emergency_duty").query(Long.class).single();
        assertThatThrownBy(() -> rosters.add(new DutyRosters.Entry(compound.code(), "SECRETARY", " ", "123", "resident", null), community()))
                .as("a compound has no secretary; a name, a phone and an account that looks after it are needed")
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations()).extracting(Violation::where)
                        .containsExactlyInAnyOrder("duty", "name", "phone", "username"));
        assertThat(jdbc.sql("select count(*) from emergency_duty").query(Long.class).single()).as("nothing written").isEqualTo(before);
        assertThatThrownBy(() -> rosters.add(new DutyRosters.Entry(compound.code(), "VOLUNTEER", "李四", "13900002222", null, null),
                staff(hierarchy.unit(COMMUNITY).path(), "emergency.read"))).as("reading is not keeping").isInstanceOf(NotPermitted.class);

        var officer = rosters.add(new DutyRosters.Entry(grid.code(), "GRID_WORKER", "陈静", "028-85551234", "community", null), community());
        assertThat(officer.username()).as("an account that looks after the grid").isEqualTo("community");
        assertThat(officer.phoneMask()).isEqualTo("028-****1234");
        rosters.remove(officer.id(), community());
        assertThat(rosters.of(grid.code(), community())).extracting(DutyRosters.Contact::id).doesNotContain(officer.id());
    }

    @Test
    void aFullNumberIsShownOnlyWithAReasonAndIsAudited() {
        var added = rosters.add(new DutyRosters.Entry(compound.code(), "BUILDING_LEADER", "王楼长", "13700001234", null, null), community());
        assertThatThrownBy(() -> rosters.phone(added.id(), " ", community()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations()).extracting(Violation::where).containsExactly("reason"));
        assertThatThrownBy(() -> rosters.phone(added.id(), "催办签收", staff(hierarchy.unit(COMMUNITY).path(), "emergency.read")))
                .isInstanceOf(NotPermitted.class);
        assertThat(rosters.phone(added.id(), "指令超时未签收，电话催办", community())).isEqualTo("13700001234");
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'emergency.roster-unmask' and detail like ?")
                .param("entry=" + added.id() + ": 指令超时未签收%").query(Long.class).single()).as("who saw it and why").isEqualTo(1);
    }

    @Test
    void propertyCompaniesAreRegisteredWithAValidCreditCodeAndServeTheirCompounds() {
        String code = creditCode();
        String mistyped = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
        assertThatThrownBy(() -> companies.register("锦江物业", mistyped, COMMUNITY, community()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations()).extracting(Violation::where).containsExactly("creditCode"));
        var company = companies.register("锦江物业服务有限公司", code.toLowerCase(), COMMUNITY, community());
        assertThat(company.creditCode()).isEqualTo(code);
        assertThatThrownBy(() -> companies.register("另一家", code, COMMUNITY, community()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations()).extracting(Violation::code)
                        .containsExactly("emergency.company-registered"));
        assertThatThrownBy(() -> companies.bind(company.id(), List.of(grid.code(), "510104001001"), community()))
                .as("a grid is no compound; another district's unit is not ours")
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations()).hasSize(2));
        var others = hierarchy.children(grid.code());
        assertThat(companies.bind(company.id(), others.stream().map(Unit::code).toList(), community())).isEqualTo(others.size());
        assertThat(companies.bind(company.id(), List.of(compound.code()), community())).as("bound already").isZero();
        assertThat(companies.visible(community())).anySatisfy(c -> {
            assertThat(c.id()).isEqualTo(company.id());
            assertThat(c.compounds()).isEqualTo(others.size());
        });

        var elsewhere = companies.register("别处物业", creditCode(), COMMUNITY, community());
        assertThatThrownBy(() -> rosters.add(new DutyRosters.Entry(compound.code(), "PROPERTY_STAFF", "赵六", "13500001111", null, elsewhere.id()),
                community())).isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations()).extracting(Violation::where)
                .containsExactly("company"));
        var staff = rosters.add(new DutyRosters.Entry(compound.code(), "PROPERTY_STAFF", "赵六", "13500001111", null, company.id()), community());
        assertThat(staff.companyName()).isEqualTo("锦江物业服务有限公司");
    }

    @Test
    void aCompoundContactReceivesForCompoundsOnlyAndAcknowledgesForItsOwn() throws Exception {
        String name = "compound-test-" + SERIAL.incrementAndGet() + "-" + System.nanoTime() % 100000;
        assertThatThrownBy(() -> accounts.create(new AccountForm(name, "黄磊", Set.of(Role.COMPOUND_CONTACT), Set.of(COMMUNITY), Set.of()),
                TestAccounts.PASSWORD)).isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations()).extracting(Violation::code)
                .containsExactly("account.units-compounds-only"));
        accounts.create(new AccountForm(name, "黄磊", Set.of(Role.COMPOUND_CONTACT), Set.of(compound.code()), Set.of()), TestAccounts.PASSWORD);
        var d = directives.issue(new Directives.Issue(COMMUNITY, null, "小区联系人签收测试", "各小区出入口测温", 2, null), community());
        var contact = user(users.loadUserByUsername(name));

        mvc.perform(get("/").with(contact)).andExpect(status().isOk());
        mvc.perform(post("/emergency/directives/" + d.id() + "/acknowledge").with(contact).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/emergency/directives/" + d.id() + "/acknowledge").with(contact).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select unit_code from emergency_recipient where directive_id = ? and acknowledged_at is not null").param(d.id())
                .query(String.class).list()).as("its compound, once, and nothing else").containsExactly(compound.code());
        mvc.perform(get("/emergency/roster").param("unit", compound.code()).with(contact)).andExpect(status().isOk());
        mvc.perform(post("/emergency/roster").param("unit", compound.code()).param("duty", "VOLUNTEER").param("name", "x")
                .param("phone", "13900000000").with(contact).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void aSilentUnitsParentHearsThroughItsRosterAndTheProgressNamesWhomToCall() {
        var yulin = staff(hierarchy.unit("510107005").path(), "emergency.read", "roster.manage", "directive.issue");
        Unit withAccount = grid;
        Unit byPhone = hierarchy.children(PopulationFixture.OUTSIDE).stream().filter(u -> u.level() == Level.GRID).findFirst().orElseThrow();
        rosters.add(new DutyRosters.Entry(withAccount.code(), "GRID_WORKER", "李强", "13600001111", "district", null), yulin);
        var texted = rosters.add(new DutyRosters.Entry(byPhone.code(), "GRID_WORKER", "周值班", "13600002222", null, null), yulin);
        var d = directives.issue(new Directives.Issue("510107005", null, "名册提醒测试", "只留一个出入口", 1, null, 30), yulin);

        var tree = progress.tree(d.id(), withAccount.code(), yulin);
        var nobody = tree.children().stream().filter(b -> b.contact() == null).findFirst().orElseThrow();
        var compoundContact = rosters.add(new DutyRosters.Entry(nobody.code(), "VOLUNTEER", "吴志愿", "13300003333", null, null), yulin);
        tree = progress.tree(d.id(), withAccount.code(), yulin);
        assertThat(tree.children()).filteredOn(b -> b.code().equals(compoundContact.unit()))
                .singleElement().satisfies(b -> assertThat(b.contact().phoneMask()).isEqualTo("133****3333"));

        escalation.sweep(d.ackDue().plusSeconds(60));
        long district = accounts.find("district").orElseThrow().id();
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            assertThat(notices.of(district, true, 100)).as("the account on the grid's roster hears of its silent compounds")
                    .anySatisfy(n -> assertThat(n.link()).isEqualTo("/emergency/directives/" + d.id() + "?unit=" + withAccount.code()));
            assertThat(jdbc.sql("select count(*) from identity_outbox where channel = 'SMS' and source like ?").param("%:" + texted.id())
                    .query(Long.class).single()).as("the grid whose roster has no account: a text to its first on duty (the sweep"
                    + " raises other tests' silent directives too)").isPositive();
        });
    }

    @Test
    void theUnitsNotYetAcknowledgedAreExportedWithWhomToCallMaskedAndTheExportIsAudited() throws Exception {
        var yulin = staff(hierarchy.unit("510107005").path(), "emergency.read", "roster.manage", "directive.issue");
        var d = directives.issue(new Directives.Issue(COMMUNITY, null, "未签收导出测试", "各小区出入口测温", 2, null), community());
        var worker = new Actor(null, "export-grid", Set.of("GRID_WORKER"), Set.of("directive.acknowledge"), Jurisdiction.of(RegionPath.of(grid.path())));
        int answered = answers.acknowledge(d.id(), List.of(), worker);
        var others = hierarchy.children(COMMUNITY).stream().filter(u -> u.level() == Level.GRID && !u.code().equals(grid.code())).toList();
        Unit silentCompound = hierarchy.under(COMMUNITY, Level.COMPOUND).stream().filter(u -> !u.path().startsWith(grid.path() + "/"))
                .findFirst().orElse(null);
        if (silentCompound != null) {
            rosters.add(new DutyRosters.Entry(silentCompound.code(), "PROPERTY_STAFF", "郑物业", "13911112222", null, null), yulin);
        }

        var sheet = mvc.perform(get("/emergency/directives/" + d.id() + "/silent.xlsx").param("lang", "zh-CN")
                        .with(user(users.loadUserByUsername("community"))))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(sheet.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var rows = io.gongzhi.population.internal.Sheets.read(sheet.getContentAsByteArray());
        assertThat(rows.get(0)).startsWith("地方", "层级", "所在区划");
        assertThat(rows).as("a row per unit not acknowledged, under the header").hasSize(1 + d.recipients() - answered);
        assertThat(rows.stream().skip(1).map(r -> r.get(0))).as("none of those the grid worker acknowledged")
                .doesNotContain(hierarchy.children(grid.code()).get(0).displayName());
        if (silentCompound != null) {
            assertThat(rows).anySatisfy(r -> assertThat(r).contains(silentCompound.displayName(), "郑物业", "139****2222"));
        }
        assertThat(rows.toString()).doesNotContain("13911112222");
        assertThat(others.isEmpty() || rows.stream().anyMatch(r -> r.get(0).equals(others.get(0).displayName()))).isTrue();
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'emergency.export-silent' and object = ?")
                .param("directive:" + d.id()).query(Long.class).single()).as("who took the list").isEqualTo(1);

        mvc.perform(get("/api/emergency/directives/" + d.id() + "/silent").param("unit", PopulationFixture.OUTSIDE)
                .with(user(users.loadUserByUsername("community")))).andExpect(status().isNotFound());
    }

    @Test
    void theCompaniesPageRegistersACompanyAndBindsItToTheCompoundsOfAGridPickedByName() throws Exception {
        PopulationFixture.ensure(context);
        var community = user(users.loadUserByUsername("community"));
        String refused = mvc.perform(post("/emergency/companies").with(community).with(csrf()).param("name", "锦官物业")
                .param("creditCode", "91510107XXXXXXXXX1").param("place", "510107005001")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("统一社会信用代码不对").contains("value=\"锦官物业\"");
        String code = creditCode();
        var registered = mvc.perform(post("/emergency/companies").with(community).with(csrf()).param("name", "锦官物业服务有限公司")
                .param("creditCode", code.toLowerCase()).param("place", "510107005001")).andReturn().getResponse();
        assertThat(registered.getRedirectedUrl()).isEqualTo("/emergency/companies?done=registered");
        long id = jdbc.sql("select id from emergency_company where credit_code = ?").param(code).query(Long.class).single();

        var grid = hierarchy.children("510107005001").stream().filter(u -> u.level() == Level.GRID).findFirst().orElseThrow();
        String picked = mvc.perform(get("/emergency/companies").param("grid", grid.name()).with(community)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        var compounds = hierarchy.children(grid.code());
        assertThat(picked).as("the grid found by its name lists its compounds").contains("value=\"" + compounds.get(0).code() + "\"");
        assertThat(mvc.perform(get("/emergency/companies").param("grid", "没有这个网格").with(community)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("您的辖区内没有这个网格");
        var bound = mvc.perform(post("/emergency/companies/bind").with(community).with(csrf()).param("company", String.valueOf(id))
                .param("grid", grid.code()).param("compounds", compounds.get(0).code(), compounds.get(1).code())).andReturn().getResponse();
        assertThat(bound.getRedirectedUrl()).isEqualTo("/emergency/companies?done=bound&count=2");
        String listed = mvc.perform(get("/emergency/companies").with(community)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(listed).contains("锦官物业服务有限公司").contains(code).contains("服务辖区内 2 个小区");
        assertThat(mvc.perform(get("/emergency/companies").param("grid", grid.code()).with(community)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).as("the compounds it serves say so when binding").contains("（锦官物业服务有限公司）");
        // registered at the sub-district above by its dispatcher, serving nothing yet: the community finds it and binds it
        String above = creditCode();
        mvc.perform(post("/emergency/companies").with(user(users.loadUserByUsername("dispatcher"))).with(csrf()).param("name", "玉林街道物业管理中心")
                .param("creditCode", above).param("place", "510107005")).andReturn();
        long upper = jdbc.sql("select id from emergency_company where credit_code = ?").param(above).query(Long.class).single();
        assertThat(mvc.perform(post("/emergency/companies/bind").with(community).with(csrf()).param("company", String.valueOf(upper))
                .param("grid", grid.code()).param("compounds", compounds.get(0).code())).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/emergency/companies?done=bound&count=1");
        String none = mvc.perform(post("/emergency/companies/bind").with(community).with(csrf()).param("company", String.valueOf(id))
                .param("grid", grid.code())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(none).as("nothing ticked").contains("请选择小区");
    }

    /** A well-formed unified social credit code, different each time. */
    static String creditCode() {
        String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        var random = new java.util.Random(System.nanoTime());
        var first = new StringBuilder("91510107");
        while (first.length() < 17) {
            first.append(chars.charAt(random.nextInt(chars.length())));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += chars.indexOf(first.charAt(i)) * weights[i];
        }
        return first.toString() + chars.charAt((31 - sum % 31) % 31);
    }
}
