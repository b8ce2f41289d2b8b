package io.gongzhi.population.internal;

import io.gongzhi.shared.ChineseNames;

import io.gongzhi.shared.Phone;
import io.gongzhi.platform.Sealing;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Synthetic residents for generated compounds, at realistic proportions. Every figure below is
 * an assumption for synthetic data, chosen to come close to Chengdu's 2020 census where one is
 * published, and checked by the tests on the generated result:
 * <ul>
 * <li>Age: 5-year bands with the shares in {@link #AGE_SHARES} (0–14 ≈ 13.3%, 60+ ≈ 18.0%, as the
 *     census). Heads of household are adults, so other members draw children more often
 *     ({@link #CHILD_BOOST}) and the whole keeps the census shares.</li>
 * <li>Household size 1–6 with shares {@link #SIZE_SHARES}: ≈ 2.4 persons per household.</li>
 * <li>Registration: local 户籍 72%, residence permit 20%, temporary 7.5%, foreign 0.5% (Chengdu
 *     had ~15.2M registered of 20.9M residents in 2020); a household shares one kind.</li>
 * <li>Care groups: 60+ living alone → elderly living alone; households of only 60+ → empty nest;
 *     disabled 3% of everyone; low income 1.2% of households; extreme hardship 0.15% of
 *     one-person households; veteran 3.5% of men aged 25+; serious illness 0.6% of people 40+;
 *     left-behind child 1% of children under 16.</li>
 * <li>Mobile phones for 92% of people aged 14+; party members 8% of adults.</li>
 * </ul>
 * Identity numbers carry the district's area code for local residents and another area's for
 * others, the birth date and a sequence unique per area, day and sex; foreign residents have a
 * passport. The same seed and compounds give the same people (sealed values differ: nonces).
 * Generated people are the registry's starting state, like a census baseline: their moved-in date
 * is on the record, and their history starts with the first move recorded after it.
 */
public final class SyntheticPopulation {

    /** 0–4, 5–9, …, 95–99, in percent. */
    static final double[] AGE_SHARES = {4.6, 4.8, 3.9, 3.96, 6.33, 8.82, 9.83, 8.59, 7.80, 8.59, 7.91, 6.78,
            5.3, 4.6, 3.3, 2.1, 1.4, 0.8, 0.35, 0.1};
    static final double[] SIZE_SHARES = {29, 31, 20, 12, 5, 3};
    static final double CHILD_BOOST = 2.1;
    private static final String[] OTHER_AREAS = {"511302", "511102", "510502", "511702", "511602", "511902", "510802", "512002",
            "513401", "510603", "510704", "511502", "500101", "500112", "420106", "430102", "610102", "530102", "520102", "410105"};
    private static final String[] COUNTRIES = {"KOR", "USA", "JPN", "DEU", "FRA", "GBR", "RUS", "THA", "PAK", "IND", "NGA", "AUS",
            "CAN", "ITA", "SGP", "MYS"};
    private static final String[] MOBILE = {"13", "15", "17", "18", "19"};

    /** A generated row for each table, in the loader's column order. */
    public record Rows(List<Object[]> households, List<Object[]> residents, List<Object[]> care) {
    }

    /** A compound to fill: its code, path and how many households it gets. */
    public record Target(String code, String path, int households) {
    }

    public static final String[] HOUSEHOLD_COLUMNS = {"id", "compound_code", "path", "building", "unit_no", "room", "created_at"};
    public static final String[] RESIDENT_COLUMNS = {"id", "household_id", "path", "name", "sex", "birth_year", "birth_sealed", "id_kind",
            "id_sealed", "id_lookup", "nationality", "phone_sealed", "phone_lookup", "phone_masked", "registration", "relation",
            "party_member", "status", "moved_in", "version", "updated_at"};
    public static final String[] CARE_COLUMNS = {"resident_id", "care_group", "path"};

    private final long seed;
    private final LocalDate today;
    private final Timestamp now;
    private final Sealing.Batch ids;
    private final Sealing.Batch passports;
    private final Sealing.Batch phones;
    private final Sealing.Batch births;
    private final double[] ageCumulative;
    private final double[] memberCumulative;
    private final double[] sizeCumulative;
    private final Map<Long, Integer> sequences = new HashMap<>();
    private long nextHousehold;
    private long nextResident;

    public SyntheticPopulation(long seed, LocalDate today, Timestamp now, PersonalDataVault vault, long firstHousehold, long firstResident) {
        this.seed = seed;
        this.today = today;
        this.now = now;
        this.ids = vault.batch(PersonalDataVault.Kind.NATIONAL_ID);
        this.passports = vault.batch(PersonalDataVault.Kind.PASSPORT);
        this.phones = vault.batch(PersonalDataVault.Kind.PHONE);
        this.births = vault.batch(PersonalDataVault.Kind.BIRTH_DATE);
        this.ageCumulative = SyntheticDraws.cumulative(AGE_SHARES, 1, 1);
        this.memberCumulative = SyntheticDraws.cumulative(AGE_SHARES, CHILD_BOOST, 3);
        this.sizeCumulative = SyntheticDraws.cumulative(SIZE_SHARES, 1, 0);
        this.nextHousehold = firstHousehold;
        this.nextResident = firstResident;
    }

    /** Households per compound: the total spread evenly with ±40% variation, seeded per compound. */
    public static List<Target> targets(List<String[]> compounds, long households, long seed) {
        double base = (double) households / Math.max(1, compounds.size());
        var targets = new ArrayList<Target>(compounds.size());
        for (String[] c : compounds) {
            var random = new Random(seed * 7919 + c[0].hashCode());
            double x = base * (0.6 + 0.8 * random.nextDouble());
            int n = (int) x + (random.nextDouble() < x - Math.floor(x) ? 1 : 0);
            targets.add(new Target(c[0], c[1], Math.max(1, n)));
        }
        return targets;
    }

    public Rows generate(List<Target> compounds) {
        var rows = new Rows(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Target compound : compounds) {
            fill(compound, rows);
        }
        return rows;
    }

    public long nextHousehold() {
        return nextHousehold;
    }

    public long nextResident() {
        return nextResident;
    }

    private void fill(Target compound, Rows rows) {
        var random = new Random(seed * 31 + compound.code().hashCode());
        String district = compound.path().split("/")[2];
        int roomsPerFloor = 2 + random.nextInt(3);
        int units = 1 + random.nextInt(3);
        int floors = random.nextDouble() < 0.35 ? 6 + random.nextInt(2) : 18 + random.nextInt(16);
        int building = 1;
        int unit = 1;
        int floor = 1;
        int room = 1;
        for (int h = 0; h < compound.households(); h++) {
            long household = nextHousehold++;
            rows.households().add(new Object[] {household, compound.code(), compound.path(), String.valueOf(building),
                    String.valueOf(unit), floor + String.format(Locale.ROOT, "%02d", room), now});
            household(random, household, compound.path(), district, rows);
            if (++room > roomsPerFloor) {
                room = 1;
                if (++floor > floors) {
                    floor = 1;
                    if (++unit > units) {
                        unit = 1;
                        building++;
                    }
                }
            }
        }
    }

    /** Who lives in a household, drawn together: they share a registration, a surname and the day they moved in. */
    private record Family(Registration registration, int[] ages, boolean[] males, Relation[] relations, String surname, String country,
                          boolean lowIncome, LocalDate movedIn) {

        int size() {
            return ages.length;
        }

        boolean allElderly() {
            return size() >= 2 && java.util.Arrays.stream(ages).allMatch(a -> a >= 60);
        }

        boolean workingAdult() {
            return java.util.Arrays.stream(ages).anyMatch(a -> a >= 20 && a <= 50);
        }
    }

    /** A person's identity document as it is stored: sealed, with its lookup hash (and, for a passport, the birth date sealed). */
    private record Document(IdKind kind, String nationality, String sealed, String lookup, String birthSealed) {
    }

    private void household(Random random, long household, String path, String district, Rows rows) {
        Family family = family(random);
        for (int k = 0; k < family.size(); k++) {
            resident(random, family, k, household, path, district, rows);
        }
    }

    private Family family(Random random) {
        double r = random.nextDouble();
        Registration registration = r < 0.72 ? Registration.LOCAL : r < 0.92 ? Registration.PERMIT : r < 0.995
                ? Registration.TEMPORARY : Registration.FOREIGN;
        int size = SyntheticDraws.draw(sizeCumulative, random) + 1;
        if (registration == Registration.FOREIGN) {
            size = Math.min(size, 3);
        }
        boolean headMale = random.nextDouble() < 0.55;
        int headAge = SyntheticDraws.age(random, ageCumulative, size == 1 ? 18 : 22);
        String surname = ChineseNames.surname(random);
        String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
        var ages = new int[size];
        var males = new boolean[size];
        var relations = new Relation[size];
        ages[0] = headAge;
        males[0] = headMale;
        relations[0] = Relation.HEAD;
        boolean spouse = false;
        for (int k = 1; k < size; k++) {
            ages[k] = SyntheticDraws.age(random, memberCumulative, 0);
            relations[k] = SyntheticDraws.relation(ages[k], headAge, spouse);
            spouse |= relations[k] == Relation.SPOUSE;
            males[k] = relations[k] == Relation.SPOUSE ? !headMale : random.nextDouble() < 0.51;
        }
        boolean lowIncome = random.nextDouble() < 0.012;
        int oldest = Math.min(30, headAge - 18);
        LocalDate movedIn = today.minusDays(1 + random.nextInt(Math.max(1, oldest * 365)));
        return new Family(registration, ages, males, relations, surname, country, lowIncome, movedIn);
    }

    private void resident(Random random, Family family, int k, long household, String path, String district, Rows rows) {
        long id = nextResident++;
        int age = family.ages()[k];
        boolean male = family.males()[k];
        Relation relation = family.relations()[k];
        LocalDate birth = today.minusYears(age + 1L).plusDays(1 + random.nextInt(365));
        if (birth.isAfter(today.minusYears(age))) {
            birth = today.minusYears(age);
        }
        String name = (relation == Relation.SPOUSE || relation == Relation.PARENT && random.nextBoolean()
                ? ChineseNames.surname(random) : family.surname()) + ChineseNames.given(random, male, birth.getYear());
        Document document;
        if (family.registration() == Registration.FOREIGN) {
            String number = (char) ('A' + random.nextInt(26)) + String.format(Locale.ROOT, "%08d", id % 100_000_000);
            document = new Document(IdKind.PASSPORT, family.country(), passports.seal(number), passports.lookup(number), births.seal(birth.toString()));
            name = SyntheticDraws.foreignName(random, male);
        } else {
            String area = family.registration() == Registration.LOCAL ? district : OTHER_AREAS[random.nextInt(OTHER_AREAS.length)];
            NationalId number = number(area, birth, male, random);
            document = new Document(IdKind.NATIONAL_ID, "CHN", ids.seal(number.value()), ids.lookup(number.value()), null);
        }
        String phoneSealed = null;
        String phoneLookup = null;
        String phoneMasked = null;
        if (age >= 14 && random.nextDouble() < 0.92) {
            var phone = new Phone(MOBILE[random.nextInt(MOBILE.length)] + random.nextInt(10)
                    + String.format(Locale.ROOT, "%08d", random.nextInt(100_000_000)));
            phoneSealed = phones.seal(phone.value());
            phoneLookup = phones.lookup(phone.value());
            phoneMasked = phone.masked();
        }
        boolean party = age >= 18 && random.nextDouble() < 0.08;
        LocalDate in = family.movedIn().isBefore(birth) ? birth : family.movedIn();
        rows.residents().add(new Object[] {id, household, path, name, male ? "M" : "F", birth.getYear(), document.birthSealed(),
                document.kind().name(), document.sealed(), document.lookup(), document.nationality(), phoneSealed, phoneLookup, phoneMasked,
                family.registration().name(), relation.name(), party, "PRESENT", in, 0, now});
        SyntheticDraws.careGroups(random, age, male, family.size(), family.allElderly(), family.lowIncome(), family.workingAdult())
                .forEach(group -> rows.care().add(new Object[] {id, group, path}));
    }

    /** The next free number for this area, day and sex (500 each; a full slot moves to a neighbouring area code). */
    private NationalId number(String area, LocalDate birth, boolean male, Random random) {
        String code = area;
        for (int attempt = 0; ; attempt++) {
            long key = Long.parseLong(code) * 200_000L + (birth.toEpochDay() + 60_000L) * 2 + (male ? 1 : 0);
            int ordinal = sequences.merge(key, 1, Integer::sum) - 1;
            if (ordinal < 500) {
                return NationalId.nth(code, birth, ordinal, male);
            }
            code = OTHER_AREAS[(attempt + random.nextInt(OTHER_AREAS.length)) % OTHER_AREAS.length];
        }
    }
}
