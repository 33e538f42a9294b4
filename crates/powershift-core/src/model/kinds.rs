//! The closed vocabularies of the format: organisation kinds, event and relationship kinds,
//! confidence levels, amount qualifiers, phase states and source kinds.
//!
//! Each enum knows its JSON name (`as_str`), its reader-facing label and the full list of values, so
//! validation can say exactly which values are allowed and the legend can list every kind.

/// Defines a closed string enum with its JSON names and labels.
macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $json:literal, $label:literal;)+ }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $($(#[$vdoc])* $variant,)+
        }

        impl $name {
            /// Every value, in the order the format lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The name used in the JSON file.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $json,)+ }
            }

            /// A short label for readers (legend, details).
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label,)+ }
            }

            /// Parses the JSON name.
            pub fn parse(s: &str) -> Option<$name> {
                match s { $($json => Some($name::$variant),)+ _ => None }
            }

            /// The allowed JSON names, quoted and comma-separated, for error messages.
            pub fn expected() -> String {
                Self::ALL.iter().map(|v| format!("\"{}\"", v.as_str())).collect::<Vec<_>>().join(", ")
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary! {
    /// What an organisation is (its primary role; drives node colour).
    OrgKind {
        /// Builds frontier models.
        AiLab = "ai_lab", "AI lab";
        /// A hyperscale cloud provider.
        Cloud = "cloud", "Cloud provider";
        /// Makes AI chips.
        Chipmaker = "chipmaker", "Chipmaker";
        /// Designs chip architectures.
        ChipDesigner = "chip_designer", "Chip designer";
        /// Invests.
        Investor = "investor", "Investor";
        /// A person.
        Person = "person", "Person";
        /// A joint venture of others.
        JointVenture = "joint_venture", "Joint venture";
        /// A software company.
        Software = "software", "Software";
        /// Makes devices.
        DeviceMaker = "device_maker", "Device maker";
        /// A specialised GPU cloud.
        GpuCloud = "gpu_cloud", "GPU cloud";
        /// Anything else.
        Other = "other", "Other";
    }
}

vocabulary! {
    /// The kind of a relationship between two organisations (drives edge style).
    RelationKind {
        /// Equity, donations, funding.
        Investment = "investment", "Investment";
        /// Cloud or compute supply.
        CloudCompute = "cloud_compute", "Cloud / compute";
        /// A technology or IP licence.
        Licence = "licence", "Licence";
        /// One builds the other's models into products, or distributes them.
        ProductIntegration = "product_integration", "Product integration";
        /// Chip supply or chip collaboration.
        Chips = "chips", "Chips";
        /// A broad partnership or joint-venture membership.
        Partnership = "partnership", "Partnership";
        /// A share of revenue paid by one to the other.
        RevenueShare = "revenue_share", "Revenue share";
        /// A lawsuit, plaintiff to defendant.
        Lawsuit = "lawsuit", "Lawsuit";
        /// A dispute short of a lawsuit.
        Dispute = "dispute", "Dispute";
        /// Board roles, founding, ownership.
        Governance = "governance", "Governance";
        /// Open competition (derived from several events).
        Competition = "competition", "Competition";
    }
}

vocabulary! {
    /// The kind of an event; the relationship kinds plus product launches.
    EventKind {
        /// Equity, donations, funding.
        Investment = "investment", "Investment";
        /// Cloud or compute supply.
        CloudCompute = "cloud_compute", "Cloud / compute";
        /// A technology or IP licence.
        Licence = "licence", "Licence";
        /// Models built into products or distributed.
        ProductIntegration = "product_integration", "Product integration";
        /// A product launch.
        ProductLaunch = "product_launch", "Product launch";
        /// Chip supply or chip collaboration.
        Chips = "chips", "Chips";
        /// A broad partnership.
        Partnership = "partnership", "Partnership";
        /// Revenue sharing.
        RevenueShare = "revenue_share", "Revenue share";
        /// A lawsuit.
        Lawsuit = "lawsuit", "Lawsuit";
        /// A dispute short of a lawsuit.
        Dispute = "dispute", "Dispute";
        /// Board, founding, structure.
        Governance = "governance", "Governance";
        /// Competition.
        Competition = "competition", "Competition";
    }
}

vocabulary! {
    /// How sure the data is of a fact.
    ConfidenceLevel {
        /// Two or more independent sources agree, or the organisation's own announcement states it.
        Confirmed = "confirmed", "Confirmed";
        /// Press reports, not confirmed by the companies.
        Reported = "reported", "Reported";
        /// Only one source was found.
        SingleSource = "single_source", "Single source";
        /// Sources disagree; the alternatives are listed.
        Conflicting = "conflicting", "Conflicting";
    }
}

vocabulary! {
    /// What kind of figure an amount is.
    AmountQualifier {
        /// A ceiling or conditional commitment, not money paid.
        UpTo = "up_to", "up to";
        /// An approximate figure.
        Approximately = "approximately", "about";
        /// A lower bound.
        MoreThan = "more_than", "more than";
        /// A press figure, not confirmed by the companies.
        Reported = "reported", "reported";
        /// Pledged, not necessarily paid.
        Pledged = "pledged", "pledged";
        /// Planned.
        Planned = "planned", "planned";
        /// Depends on conditions.
        Conditional = "conditional", "conditional";
        /// A company valuation, not money moved.
        Valuation = "valuation", "valuation";
        /// An outside estimate of an undisclosed figure.
        UndisclosedEstimate = "undisclosed_estimate", "estimate of an undisclosed figure";
    }
}

vocabulary! {
    /// The state of a relationship phase (drives the drawing).
    PhaseState {
        /// In force.
        Active = "active", "Active";
        /// Announced but stalled.
        Stalled = "stalled", "Stalled";
        /// Under dispute.
        Disputed = "disputed", "Disputed";
        /// A historical tie with no later information.
        Historical = "historical", "Historical";
    }
}

vocabulary! {
    /// What a recorded conflict between sources is about.
    ConflictAbout {
        /// The date.
        Date = "date", "Date";
        /// An amount.
        Amount = "amount", "Amount";
        /// Another detail.
        Detail = "detail", "Detail";
    }
}

vocabulary! {
    /// Who stands behind a source: the organisation itself, a wire service or major outlet, another
    /// recognisable outlet, or anything else. Strongest first.
    SourceKind {
        /// The organisation's own announcement (newsroom, blog, investor relations), even when its
        /// wording was checked on a copy.
        Company = "company", "Company announcement";
        /// A wire service or major outlet (Reuters, AP, Bloomberg, FT, WSJ, NYT, CNBC, Axios, The
        /// Information, The Verge, TechCrunch, Barron's, CBS News), or a page carrying such a wire's
        /// text verbatim.
        WireOrMajor = "wire_or_major", "Wire service or major outlet";
        /// Another news outlet a reader would recognise.
        Outlet = "outlet", "News outlet";
        /// Anything else: blogs, aggregators, newsletters, mirrors, AI-written news sites.
        Other = "other", "Other page";
    }
}

impl SourceKind {
    /// Strongest first: company (0) < wire or major (1) < outlet (2) < other (3). Sort by this to put
    /// the source a reader trusts most first.
    pub fn rank(self) -> u8 {
        match self {
            SourceKind::Company => 0,
            SourceKind::WireOrMajor => 1,
            SourceKind::Outlet => 2,
            SourceKind::Other => 3,
        }
    }

    /// Whether a reader would recognise the source as strong: the company itself, a wire service or
    /// a major outlet.
    pub fn is_strong(self) -> bool {
        matches!(self, SourceKind::Company | SourceKind::WireOrMajor)
    }
}

impl ConfidenceLevel {
    /// Weakest first: conflicting < single source < reported < confirmed.
    pub fn strength(self) -> u8 {
        match self {
            ConfidenceLevel::Conflicting => 0,
            ConfidenceLevel::SingleSource => 1,
            ConfidenceLevel::Reported => 2,
            ConfidenceLevel::Confirmed => 3,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for k in RelationKind::ALL {
            assert_eq!(RelationKind::parse(k.as_str()), Some(*k));
        }
        for k in EventKind::ALL {
            assert_eq!(EventKind::parse(k.as_str()), Some(*k));
        }
        assert_eq!(OrgKind::parse("bank"), None);
        assert!(OrgKind::expected().starts_with("\"ai_lab\", \"cloud\""));
    }

    #[test]
    fn source_kinds_are_listed_strongest_first() {
        for k in SourceKind::ALL {
            assert_eq!(SourceKind::parse(k.as_str()), Some(*k));
        }
        let ranks: Vec<u8> = SourceKind::ALL.iter().map(|k| k.rank()).collect();
        assert_eq!(ranks, [0, 1, 2, 3]);
        assert_eq!(SourceKind::expected(), "\"company\", \"wire_or_major\", \"outlet\", \"other\"");
        assert_eq!(SourceKind::Company.label(), "Company announcement");
        assert!(SourceKind::WireOrMajor.is_strong() && !SourceKind::Outlet.is_strong());
        assert_eq!(SourceKind::parse("press_release"), None);
    }
}
