package cn.newsevents.extraction.seminar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MeetingCitiesTest {
    private static MeetingCities cities(String text, int body) {
        return cities(text, body, null);
    }

    private static MeetingCities cities(String text, int body, String outlet) {
        return new MeetingCities(new MeetingText(SeminarRules.DEFAULT, text, text), body, outlet);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "昨天在宁波召开座谈会|宁波",
            "宁波召开座谈会|宁波",
            "昨天召开座谈会|-",
    })
    void readsTheCityOfAClause(String text, String city) {
        assertEquals(city, cities(text, 0).in(0, text.length()));
    }

    @Test
    void theHeadlineCityIsReadBeforeTheBodyOnly() {
        String text = "宁波民营企业座谈会举行正文在温州";
        assertEquals("宁波", cities(text, 9).headline());
        assertNull(cities("民营企业座谈会举行正文在温州", 9).headline());
    }

    @Test
    void localOrganisationsTakeTheCityAndItsProvince() {
        assertEquals("宁波市委、宁波市政府", MeetingCities.expand("市委、市政府", "宁波", null));
        assertEquals("浙江省委", MeetingCities.expand("省委", "宁波", "宁波"));
        assertEquals("某某集团", MeetingCities.expand("某某集团", "宁波", null));
        assertEquals("市委", MeetingCities.expand("市委", null, null));
    }

    @Test
    void aDistrictBodyTakesTheDistrictTheMeetingWasHeldIn() {
        assertEquals("宁波市鄞州区政府", MeetingCities.expand("区政府", "宁波", "宁波市鄞州区"));
        assertEquals("宁波市鄞州区委、宁波市委", MeetingCities.expand("区委、市委", "宁波", "宁波市鄞州区"));
        assertEquals("区政府", MeetingCities.expand("区政府", "苏州", "苏州市昆山市"));
        assertEquals("县政府", MeetingCities.expand("县政府", "宁波", "宁波市鄞州区"));
    }

    @Test
    void aDevelopmentZoneBodyWrittenBareIsTheCitysZone() {
        assertEquals("临川市委、临川经开区党工委", MeetingCities.expand("市委、经开区党工委", "临川", null));
        assertEquals("临江高新区党工委、临江高新区管委会",
                MeetingCities.expand("区党工委、管委会", null, null, null, null, "临江高新区"));
        assertEquals("经开区党工委", MeetingCities.expand("经开区党工委", null, null));
    }

    @Test
    void aCountyOfOneCharacterKeepsItsEndingOnceButTwiceForItsPartyCommittee() {
        assertEquals("甲县工商联", MeetingCities.expand("县工商联", null, null, null, null, "甲县"));
        assertEquals("甲县政府", MeetingCities.expand("县政府", null, null, null, null, "甲县"));
        assertEquals("甲县县委", MeetingCities.expand("县委", null, null, null, null, "甲县"));
        assertEquals("长乐县委", MeetingCities.expand("县委", null, null, null, null, "长乐县"));
    }

    @Test
    void aMeetingWithoutAPlaceTakesTheProvinceAndDistrictTheArticleNamesFirst() {
        assertEquals("江西省政府", MeetingCities.expand("省政府", null, null, null, "江西", null));
        assertEquals("临江新区政府", MeetingCities.expand("区政府", null, null, null, null, "临江新区"));
        assertEquals("宁波市政府", MeetingCities.expand("市政府", null, null, "宁波", "江西", "临江新区"));
        String text = "标题\n本市园区召开会议。临江新区召开企业座谈会，江西省经贸代表团出席。";
        MeetingCities cities = cities(text, 3);
        assertEquals("临江新区", cities.articleDistrict());
        assertEquals("江西", cities.articleProvince());
    }

    @Test
    void anArticleSpeakingOfOurDistrictOrItsBareBodiesIsInItsOutletsDistrict() {
        String text = "标题\n我区召开重点企业座谈会，区委书记主持，副区长参加。";
        assertEquals("青溪区", cities(text, 3, "青溪新闻").articleDistrict());
        assertEquals("青溪县", cities(text.replace("我区", "我县"), 3, "青溪电视台").articleDistrict());
        // A city's outlet, an outlet not named by a place, or an article that never says 我区 nor writes a district's
        // body bare: no district.
        assertNull(cities(text, 3, "宁波日报").articleDistrict());
        assertNull(cities(text, 3, "财经快讯").articleDistrict());
        assertNull(cities("标题\n全区召开重点企业座谈会，书记主持，副区长参加。", 3, "青溪新闻").articleDistrict());
        // A district's bodies written bare (区政府召开…，区委副书记、区长…) are the outlet's district's, unless the
        // article names its own district's or county's body.
        assertEquals("青溪区", cities("标题\n区政府召开企业座谈会，区委副书记、区长主持。", 3, "青溪融媒")
                .articleDistrict());
        assertEquals("云岭县", cities("标题\n云岭县政府召开座谈会，县长出席。", 3, "青嘉日报").articleDistrict());
        assertNull(cities("标题\n本次座谈会由云岭县府主办，县长出席。", 3, "青嘉日报").articleDistrict());
        // After ASCII punctuation as after full-width.
        assertEquals("临江区", cities("标题\n前日下午,临江区委书记主持召开座谈会。", 3).articleDistrict());
        // A district the article names wins over the outlet's.
        assertEquals("临江区", cities("标题\n临江区委召开座谈会，我区企业参加。", 3, "青溪新闻").articleDistrict());
    }

    @Test
    void aParksAdministrativeCommitteeIsThePartyCommitteesPark() {
        assertEquals("临江高新区党工委、临江高新区管委会", MeetingCities.expand("临江高新区党工委、管委会", null, null));
        assertEquals("临江高新区管委会、市商务局", MeetingCities.expand("临江高新区管委会、市商务局", null, null));
    }

    @Test
    void taiwansShortCityGovernmentIsWrittenOut() {
        assertEquals("台中市經濟發展局", MeetingCities.expand("市府經濟發展局", "台中", "台中"));
        assertEquals("台中市政府", MeetingCities.expand("市府", "台中", null));
    }

    @Test
    void aCityPostMakesTheMeetingLocal() {
        MeetingDraft withCityPost = new MeetingDraft(null, null, null);
        withCityPost.host = new PersonMention(0, 5, 3, 5, List.of(), List.of("市长"));
        MeetingDraft withCompanyPost = new MeetingDraft(null, null, null);
        withCompanyPost.host = new PersonMention(0, 7, 5, 7, List.of("某某集团"), List.of("董事长"));
        assertTrue(MeetingCities.localPost(withCityPost));
        assertFalse(MeetingCities.localPost(withCompanyPost));
        assertFalse(MeetingCities.localPost(new MeetingDraft(null, null, null)));
    }
}
