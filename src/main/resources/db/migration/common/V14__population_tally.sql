-- Residents counted per community, kept in step with every change in the same transaction:
-- statistics above the community (sub-district, district, city) add up these rows instead of
-- scanning millions of residents. Two kinds of row: by sex and birth month (registration '-'),
-- and by registration (sex '-', birth month 0), so a community has at most a few thousand rows.
CREATE TABLE population_tally (
    community_path VARCHAR(400) NOT NULL,
    sex            CHAR(1)      NOT NULL,
    birth_month    INT          NOT NULL,
    registration   VARCHAR(12)  NOT NULL,
    residents      BIGINT       NOT NULL,
    PRIMARY KEY (community_path, sex, birth_month, registration)
);
